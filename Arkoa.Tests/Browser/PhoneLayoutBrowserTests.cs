using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Every page of the Web on a 390 px phone, in French and English, with real data in its lists (issue 14 §4): the page
/// never scrolls sideways, and no word is cut across two lines (a squeezed column once wrapped "Man / ager").
/// </summary>
public sealed class PhoneLayoutBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    /// <summary>
    /// The words of the page's visible text that are drawn on more than one line. A token longer than this may have
    /// to break to fit a phone (an address, an id), so only shorter ones count.
    /// </summary>
    private const string BrokenWordsScript = """
        () => {
            const broken = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest("script, style, select, option, textarea, .visually-hidden, [hidden]")) continue;
                for (const match of node.data.matchAll(/[^\s\-‐–—\/@.,;:()«»"']+/g)) {
                    if (match[0].length > 20) continue;
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (lines.size > 1) broken.push(`"${match[0]}" in ${parent.tagName.toLowerCase()}.${[...parent.classList].join(".")}`);
                }
            }
            return broken.slice(0, 10).join("; ");
        }
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Every_page_fits_a_phone_without_sideways_scrolling_or_words_cut_in_two(string language)
    {
        var scene = await EveryPageScene.CreateAsync(app, language);

        var problems = new List<string>();
        await using (var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone))
        {
            foreach (var path in scene.SignedOutPaths) await CheckAsync(phone, path, language, problems);
        }
        await using (var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone))
        {
            await phone.SignInAsync(scene.Admin.Email, scene.Admin.Password);
            foreach (var path in scene.SignedInPaths) await CheckAsync(phone, path, language, problems);
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task CheckAsync(WebBrowser phone, string path, string language, List<string> problems)
    {
        var response = await phone.Page.GotoAsync(path);
        await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        Assert.True(response is { Status: 200 } || path == "/not-found", $"{path} answered {response?.Status}");
        // Named by the page, not its ids: "phone-fr-companies-id-team-id".
        await phone.ScreenshotAsync($"phone-{language}-{EveryPageScene.NameOf(path)}");
        if (await LeaveWebKit.OverflowAsync(phone.Page) is { } overflow) problems.Add($"{path}: scrolls sideways, {overflow}");
        var broken = await phone.Page.EvaluateAsync<string>(BrokenWordsScript);
        if (broken.Length > 0) problems.Add($"{path}: words cut in two: {broken}");
    }
}
