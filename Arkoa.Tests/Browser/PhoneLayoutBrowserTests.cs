using System.Net;
using System.Net.Http.Json;
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
        var admin = await ApiSession.SignUpAsync(app, "Dominique Administratrice-Longuenom");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync("/api/users/me", new { language })).StatusCode);
        var (companyId, adminMembershipId) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Camille Employée");
        var employeeMembershipId = await admin.AddMemberAsync(companyId, employee);
        await admin.CreditAsync(companyId, employeeMembershipId, "PAID", 10);

        // Lists with notes in them: a decided leave with the manager's words, a pending one, the admin's own request.
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 5);
        var decided = await CreateLeaveAsync(employee, companyId, employeeMembershipId, monday, monday.AddDays(1),
            "Family wedding in Brittany with everyone");
        var review = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{decided}/review",
            new { status = "APPROVED", managerNote = "Manager approved: enjoy the celebration" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        await CreateLeaveAsync(employee, companyId, employeeMembershipId, monday.AddDays(7), monday.AddDays(7), "Appointment");
        var own = await CreateLeaveAsync(admin, companyId, adminMembershipId, monday.AddDays(14), monday.AddDays(15), "Paperwork");
        var invited = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships",
            new { email = ApiSession.UniqueEmail("phone-invitee"), role = "EMPLOYEE" });
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);

        string[] signedIn =
        [
            "/companies", $"/companies/{companyId}", $"/companies/{companyId}/leaves", $"/companies/{companyId}/leaves/{own}/edit",
            $"/companies/{companyId}/approvals", $"/companies/{companyId}/team", $"/companies/{companyId}/team/{employeeMembershipId}",
            $"/companies/{companyId}/calendar", $"/companies/{companyId}/settings", "/profile", "/account/password",
        ];
        string[] signedOut = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=unknown", "/not-found"];

        var problems = new List<string>();
        await using (var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone))
        {
            foreach (var path in signedOut) await CheckAsync(phone, path, language, problems);
        }
        await using (var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone))
        {
            await phone.SignInAsync(admin.Email, admin.Password);
            foreach (var path in signedIn) await CheckAsync(phone, path, language, problems);
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task CheckAsync(WebBrowser phone, string path, string language, List<string> problems)
    {
        var response = await phone.Page.GotoAsync(path);
        await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        Assert.True(response is { Status: 200 } || path == "/not-found", $"{path} answered {response?.Status}");
        // Named by the page, not its ids: "phone-fr-companies-id-team-id".
        var name = $"phone-{language}" + System.Text.RegularExpressions.Regex.Replace(path.Split('?')[0], "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "id").Replace('/', '-');
        await phone.ScreenshotAsync(name);
        if (await LeaveWebKit.OverflowAsync(phone.Page) is { } overflow) problems.Add($"{path}: scrolls sideways, {overflow}");
        var broken = await phone.Page.EvaluateAsync<string>(BrokenWordsScript);
        if (broken.Length > 0) problems.Add($"{path}: words cut in two: {broken}");
    }

    private static async Task<string> CreateLeaveAsync(ApiSession session, string companyId, string membershipId,
        DateOnly start, DateOnly end, string reason)
    {
        var response = await session.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "PAID", startDate = start.Iso(), endDate = end.Iso(), reason });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }
}
