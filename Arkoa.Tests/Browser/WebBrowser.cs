using Arkoa.Tests.Integration;
using Arkoa.Tests.Operations;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace Arkoa.Tests.Browser;

/// <summary>
/// A person at a browser on the Arkoa Web: a fresh Chromium context (own cookies) whose pages open relative to the
/// Web's address. Screenshots go to TestResults/screenshots at the repository root (ignored by git).
/// </summary>
public sealed class WebBrowser : IAsyncDisposable
{
    /// <summary>A phone held upright (iPhone 12–15 class), the narrowest screen the Web promises to serve.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private WebBrowser(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(Repository.Root, "TestResults", "screenshots");

    /// <param name="language">The browser's preferred language (Accept-Language); the Web defaults to French.</param>
    /// <param name="colorScheme">The device's light or dark setting (prefers-color-scheme); light when not given.</param>
    /// <param name="javaScriptEnabled">False proves a journey works without script, as every page must.</param>
    public static async Task<WebBrowser> OpenAsync(ArkoaAppFixture app, ChromiumFixture chromium, string language = "en",
        ViewportSize? viewport = null, ColorScheme? colorScheme = null, bool javaScriptEnabled = true)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = app.App.GetEndpoint("web", "http").ToString(),
            Locale = language,
            ViewportSize = viewport ?? Desktop,
            ColorScheme = colorScheme ?? ColorScheme.Light,
            JavaScriptEnabled = javaScriptEnabled,
        });
        // A page that never answers fails the test in seconds instead of hanging the suite.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        var page = await context.NewPageAsync();
        return new WebBrowser(context, page);
    }

    public async Task GoToAsync(string path) => await Page.GotoAsync(path);

    /// <summary>Signs in through the sign-in form, as a person would.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/sign-in");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("form.form button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    /// <summary>Saves the whole page as TestResults/screenshots/<paramref name="name"/>.png and returns the file's path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
