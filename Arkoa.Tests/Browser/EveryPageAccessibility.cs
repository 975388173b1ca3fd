using Arkoa.Tests.Integration;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The whole Web through axe-core (issue 14, checks for the whole Web): every page, signed out and signed in with real
/// data in its lists, in each language and theme, has no serious or critical accessibility violation; and every page is
/// saved as a screenshot (TestResults/screenshots) for people to look at, at 1280 and 390 px in the light theme, at
/// 1280 px in the dark one. One browser session per language and theme walks all the pages, as a person would.
/// <para>
/// The dark theme changes colours only, so its sweep runs axe's colour rules alone; the structure, names and roles
/// were checked in the light sweep of the same language. Each language and theme is a class of its own, so the four
/// sweeps (the longest browser tests) run beside the other classes instead of one after another.
/// </para>
/// </summary>
public abstract partial class EveryPageAccessibility(ArkoaAppFixture app, ChromiumFixture chromium, string language, ColorScheme theme)
{
    private static readonly AxeRunOptions AllRules = new() { ResultTypes = [ResultType.Violations] };

    private static readonly AxeRunOptions ColourRulesOnly = new()
    {
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] },
        ResultTypes = [ResultType.Violations],
    };

    [Fact]
    public async Task Every_page_has_no_serious_accessibility_violation_and_is_photographed()
    {
        var scene = await EveryPageScene.CreateAsync(app, language);
        var violations = new List<string>();
        await AxeFindsAKnownViolationAsync();
        // The dark theme as most people get it: the device says dark and the account follows the device.
        await using (var visitor = await WebBrowser.OpenAsync(app, chromium, language, colorScheme: theme))
        {
            foreach (var path in scene.SignedOutPaths) await CheckAsync(visitor, path, violations);
        }
        await using (var admin = await WebBrowser.OpenAsync(app, chromium, language, colorScheme: theme))
        {
            await admin.SignInAsync(scene.Admin.Email, scene.Admin.Password);
            foreach (var path in scene.SignedInPaths) await CheckAsync(admin, path, violations);
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private async Task CheckAsync(WebBrowser browser, string path, List<string> violations)
    {
        var response = await browser.Page.GotoAsync(path);
        Assert.True(response is { Status: 200 } || path == "/not-found", $"{path} answered {response?.Status}");
        Assert.Equal(language, await browser.Page.Locator("html").GetAttributeAsync("lang"));
        var light = theme == ColorScheme.Light;
        var themeName = light ? "light" : "dark";

        // French typography (issue 14 §17): a month inside a sentence is lowercase ("absent en décembre 2026").
        if (language == "fr" && light)
        {
            var text = await browser.Page.Locator("body").InnerTextAsync();
            foreach (System.Text.RegularExpressions.Match month in CapitalMonthInSentence().Matches(text))
            {
                violations.Add($"{path} (fr): a capitalised month inside a sentence: \"{month.Value}\"");
            }
        }

        var result = await AxeAsync(browser.Page, light ? AllRules : ColourRulesOnly);
        violations.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path} ({language}, {themeName}): {v.Id} [{v.Impact}] {v.Help}: " +
                string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target}: {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));

        var name = $"{language}-{themeName}-{EveryPageScene.NameOf(path)}";
        await browser.ScreenshotAsync($"desktop-{name}");
        if (!light) return;
        await browser.Page.SetViewportSizeAsync(WebBrowser.Phone.Width, WebBrowser.Phone.Height);
        await browser.ScreenshotAsync($"phone-{name}");
        await browser.Page.SetViewportSizeAsync(WebBrowser.Desktop.Width, WebBrowser.Desktop.Height);
    }

    /// <summary>
    /// axe in the page itself (its "legacy" mode). The default mode finishes every run in a new blank browser page, to
    /// merge the results of iframes; the Web has none, and that extra page made each run cost about 5 s instead of about
    /// 1.3 s on two cores (measured), the four sweeps being the longest tests of the suite.
    /// </summary>
    private static async Task<AxeResult> AxeAsync(IPage page, AxeRunOptions options)
    {
#pragma warning disable CS0618 // "legacy mode is being removed in the future": the package is pinned; see above.
        return await page.RunAxeLegacy(options: options);
#pragma warning restore CS0618
    }

    /// <summary>The sweep's own check: on a page with an image without a text alternative, axe as run here reports it.</summary>
    private async Task AxeFindsAKnownViolationAsync()
    {
        await using var browser = await WebBrowser.OpenAsync(app, chromium, language, colorScheme: theme);
        await browser.Page.SetContentAsync($"""<html lang="{language}"><body><main><h1>Arkoa</h1><p style="color:#777;background:#888">Low contrast</p><img src="data:,"></main></body></html>""");
        var found = (await AxeAsync(browser.Page, theme == ColorScheme.Light ? AllRules : ColourRulesOnly)).Violations.Select(v => v.Id).ToList();
        Assert.Contains("color-contrast", found);
        if (theme == ColorScheme.Light) Assert.Contains("image-alt", found);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(en|de|du|au|le|d'|depuis) (Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre)\b")]
    private static partial System.Text.RegularExpressions.Regex CapitalMonthInSentence();
}

public sealed class EnglishLightAccessibilityBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium)
    : EveryPageAccessibility(app, chromium, "en", ColorScheme.Light), IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>;

public sealed class EnglishDarkAccessibilityBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium)
    : EveryPageAccessibility(app, chromium, "en", ColorScheme.Dark), IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>;

public sealed class FrenchLightAccessibilityBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium)
    : EveryPageAccessibility(app, chromium, "fr", ColorScheme.Light), IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>;

public sealed class FrenchDarkAccessibilityBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium)
    : EveryPageAccessibility(app, chromium, "fr", ColorScheme.Dark), IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>;
