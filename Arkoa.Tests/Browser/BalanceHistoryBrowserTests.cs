using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// A member's balance history on their page, read by a manager in French and in English (issue 14 §5): each row says
/// what happened in the reader's language, from the facts the ledger stored, never the English sentence it also keeps.
/// </summary>
public sealed class BalanceHistoryBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task The_history_of_a_requested_and_rejected_leave_and_the_initial_credit_reads_in_French_and_in_English()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 30); // at least 2.5 days prorated, whatever the month
        var (member, membershipId) = await team.AddMemberAsync(app, name: "Héloïse Membre");
        var monday = TestDates.FebruaryMondayNextYear();
        var tuesday = monday.AddDays(1);
        var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, tuesday);
        var rejected = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "REJECTED", managerNote = "Semaine chargée" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var page = $"/companies/{team.CompanyId}/team/{membershipId}";

        // "1 févr. au 2 févr. 2027": French month abbreviations, lowercase; a no-break space before each colon.
        var french = await HistoryAsAsync(team.Admin, page, "fr", "fr-FR");
        var leave = $"Congés payés, du {monday.ToString("d MMM", French)} au {tuesday.ToString("d MMM yyyy", French)} (2 jours)";
        Assert.Equal($"Refus\u00A0: {leave}", french[0]);
        Assert.Equal($"Demande\u00A0: {leave}", french[1]);
        Assert.StartsWith("Crédit initial\u00A0: 30 jours par an, au prorata du ", french[2]);
        Assert.EndsWith(" à la fin de l'année", french[2]);
        Assert.All(french, c => Assert.DoesNotMatch("PAID|leave|days|Rejected|Initial credit|[0-9]{4}-[0-9]{2}-[0-9]{2}", c));

        var english = await HistoryAsAsync(team.Admin, page, "en", "en");
        leave = $"Paid leave, {monday.ToString("d MMM", CultureInfo.InvariantCulture)} to {tuesday.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} (2 days)";
        Assert.Equal($"Rejected: {leave}", english[0]);
        Assert.Equal($"Requested: {leave}", english[1]);
        Assert.StartsWith("Initial credit: 30 days a year, prorated from ", english[2]);
    }

    [Fact]
    public async Task A_managers_adjustment_shows_the_managers_own_words_and_its_days_in_French_figures()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 0);
        var (_, membershipId) = await team.AddMemberAsync(app, name: "Adjusted Member");
        var adjusted = await team.Admin.Http.PostAsJsonAsync($"/api/companies/{team.CompanyId}/memberships/{membershipId}/leave-balances",
            new { type = "PAID", change = 1.5, reason = "Jours de fractionnement 2026", historyType = "MANUEL_CREDIT" });
        Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
        // The day an entry was written is the company's, not the Web server's (UTC here): a zone this far from UTC puts
        // most hours of the day on another date.
        var zone = DateTime.UtcNow.Hour >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync($"/api/companies/{team.CompanyId}", new { timeZone = zone })).StatusCode);
        var writtenAt = (await team.Admin.HistoryAsync(team.CompanyId, membershipId))[0].GetProperty("createdAt").GetDateTime();
        var companyDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(writtenAt.ToUniversalTime(), TimeZoneInfo.FindSystemTimeZoneById(zone)));

        await UseLanguageAsync(team.Admin, "fr");
        await using var browser = await WebBrowser.OpenAsync(app, chromium, language: "fr-FR");
        await browser.SignInAsync(team.Admin.Email, team.Admin.Password);
        await browser.GoToAsync($"/companies/{team.CompanyId}/team/{membershipId}");

        Assert.Equal(["Jours de fractionnement 2026"], await CommentsAsync(browser.Page));
        await Expect(browser.Page.Locator("section[aria-labelledby=history-heading] tbody td.number")).ToHaveTextAsync("+1,5");
        await Expect(browser.Page.Locator("section[aria-labelledby=history-heading] tbody td").First)
            .ToHaveTextAsync(companyDay.ToString("d MMM yyyy", French));
    }

    /// <summary>The comments of the history on <paramref name="page"/> as <paramref name="manager"/> reads it in <paramref name="language"/>.</summary>
    private async Task<IReadOnlyList<string>> HistoryAsAsync(ApiSession manager, string page, string language, string locale)
    {
        await UseLanguageAsync(manager, language); // the account's language wins at sign-in
        await using var browser = await WebBrowser.OpenAsync(app, chromium, language: locale);
        await browser.SignInAsync(manager.Email, manager.Password);
        await browser.GoToAsync(page);
        var comments = await CommentsAsync(browser.Page);
        await browser.ScreenshotAsync($"balance-history-{language}");
        return comments;
    }

    /// <summary>The history's comment cells, newest first, once the section shows.</summary>
    private static async Task<IReadOnlyList<string>> CommentsAsync(IPage page)
    {
        var cells = page.Locator("section[aria-labelledby=history-heading] [data-history-comment]");
        await Expect(cells.First).ToBeVisibleAsync();
        return (await cells.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
    }

    private static async Task UseLanguageAsync(ApiSession session, string language)
    {
        var response = await session.Http.PatchAsync("/api/users/me", JsonContent.Create(new { language }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
