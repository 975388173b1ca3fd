using Microsoft.Playwright;

namespace Arkoa.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for all the suite's browser tests, launched by the first class that needs it and closed
/// when the test process exits (each test gets its own context: cookies and storage never leak between tests).
/// Playwright only drives it; no browser is ever downloaded.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync() => Browser = await Shared.Value;

    /// <summary>Launches the shared browser without waiting for it (the run's orderer does, before the first class needs it).</summary>
    public static void LaunchInBackground() => _ = Task.Run(() => Shared.Value);

    // The browser outlives each class: it closes with the test process (LaunchAsync).
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.DisposeAsync().AsTask().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }
}
