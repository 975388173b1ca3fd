using Arkoa.Tests.Integration;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The whole Web through axe-core (issue 14, checks for the whole Web): every page, signed out and signed in with real
/// data in its lists, in each language and theme, has no serious or critical accessibility violation; and every page is
/// saved as a screenshot at 1280 and 390 px (TestResults/screenshots) for people to look at. One browser session per
/// language and theme walks all the pages, as a person would, so the sweep stays cheap.
/// </summary>
public sealed partial class AccessibilityBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("en", "light")]
    [InlineData("en", "dark")]
    [InlineData("fr", "light")]
    [InlineData("fr", "dark")]
    public async Task Every_page_has_no_serious_accessibility_violation_and_is_photographed_on_desktop_and_phone(string language, string theme)
    {
        var scene = await EveryPageScene.CreateAsync(app, language);
        // The dark theme as most people get it: the device says dark and the account follows the device.
        var scheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light;

        var violations = new List<string>();
        await using (var visitor = await WebBrowser.OpenAsync(app, chromium, language, colorScheme: scheme))
        {
            foreach (var path in scene.SignedOutPaths) await CheckAsync(visitor, path, language, theme, violations);
        }
        await using (var admin = await WebBrowser.OpenAsync(app, chromium, language, colorScheme: scheme))
        {
            await admin.SignInAsync(scene.Admin.Email, scene.Admin.Password);
            foreach (var path in scene.SignedInPaths) await CheckAsync(admin, path, language, theme, violations);
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static async Task CheckAsync(WebBrowser browser, string path, string language, string theme, List<string> violations)
    {
        var response = await browser.Page.GotoAsync(path);
        Assert.True(response is { Status: 200 } || path == "/not-found", $"{path} answered {response?.Status}");
        Assert.Equal(language, await browser.Page.Locator("html").GetAttributeAsync("lang"));

        // French typography (issue 14 §17): a month inside a sentence is lowercase ("absent en décembre 2026").
        if (language == "fr")
        {
            var text = await browser.Page.Locator("body").InnerTextAsync();
            foreach (System.Text.RegularExpressions.Match month in CapitalMonthInSentence().Matches(text))
            {
                violations.Add($"{path} (fr): a capitalised month inside a sentence: \"{month.Value}\"");
            }
        }

        var result = await browser.Page.RunAxe();
        violations.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path} ({language}, {theme}): {v.Id} [{v.Impact}] {v.Help}: " +
                string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target}: {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));

        var name = $"{language}-{theme}-{EveryPageScene.NameOf(path)}";
        await browser.ScreenshotAsync($"desktop-{name}");
        await browser.Page.SetViewportSizeAsync(WebBrowser.Phone.Width, WebBrowser.Phone.Height);
        await browser.ScreenshotAsync($"phone-{name}");
        await browser.Page.SetViewportSizeAsync(WebBrowser.Desktop.Width, WebBrowser.Desktop.Height);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(en|de|du|au|le|d'|depuis) (Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre)\b")]
    private static partial System.Text.RegularExpressions.Regex CapitalMonthInSentence();
}
