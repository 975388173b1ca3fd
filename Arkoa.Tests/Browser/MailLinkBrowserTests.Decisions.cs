using System.Net;
using Arkoa.Tests.Integration;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

// The Approve and Reject links of a "new request" mail (SPEC §11): a confirmation page that decides only on the
// approver's click, without signing in, once.
public sealed partial class MailLinkBrowserTests
{
    private async Task<(TestCompany Team, ApiSession Member, string MembershipId)> CompanyWithEnglishMemberAsync()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 25);
        await team.Admin.UseEnglishAsync();
        var member = await ApiSession.SignUpAsync(app, "Eve Employee");
        await member.UseEnglishAsync();
        var membershipId = await team.Admin.AddMemberAsync(team.CompanyId, member);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 10);
        return (team, member, membershipId);
    }

    private static (Uri Approve, Uri Reject, Uri Review) DecisionLinks(Mail mail)
    {
        Assert.Equal(3, mail.Links.Count);
        var (approve, reject) = (mail.Links[0], mail.Links[1]);
        Assert.Equal(("/mail-decision", "/mail-decision"), (approve.AbsolutePath, reject.AbsolutePath));
        Assert.EndsWith("&decision=approve", approve.Query);
        Assert.EndsWith("&decision=reject", reject.Query);
        return (approve, reject, mail.Links[2]);
    }

    private async Task<string> StatusAsync(TestCompany team, string membershipId, string leaveId) =>
        (await team.Admin.GetJsonAsync(team.LeavesUrl(membershipId))).GetProperty("items").EnumerateArray()
            .Single(l => l.GetProperty("id").GetString() == leaveId).GetProperty("status").GetString()!;

    [Fact]
    public async Task The_approve_link_opens_a_confirmation_a_mail_scanner_cannot_trigger_and_approves_once_without_signing_in()
    {
        var (team, member, membershipId) = await CompanyWithEnglishMemberAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 20);
        var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday.AddDays(1));
        var mail = await MailAsync(team.Admin.Email, s => s.StartsWith("Eve Employee requested a leave", StringComparison.Ordinal));
        Assert.Contains("Approve\n", mail.Text);
        var (approve, _, review) = DecisionLinks(mail);
        Assert.Equal($"/companies/{team.CompanyId}/approvals", review.AbsolutePath);

        // A mail scanner (or a link preview) fetches every link of the mail: nothing is decided.
        using var scanner = app.App.CreateHttpClient("web", "http");
        foreach (var link in mail.Links.Take(2))
        {
            Assert.Equal(HttpStatusCode.OK, (await scanner.GetAsync(link.PathAndQuery)).StatusCode);
        }
        Assert.Equal("PENDING", await StatusAsync(team, membershipId, leaveId));

        // The approver, not signed in on this browser, confirms on the page.
        await using var web = await WebBrowser.OpenAsync(app, chromium);
        var page = web.Page;
        await page.GotoAsync(approve.PathAndQuery);
        Assert.Equal("/mail-decision", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Approve this request?");
        await Expect(page.Locator(".mail-decision__who")).ToContainTextAsync("Eve Employee");
        await page.Locator("#decision-note").FillAsync("Enjoy the break");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(page.Locator(".mail-decision__done")).ToHaveTextAsync("Approved. Eve Employee will be told.", TextWait);
        Assert.Equal("APPROVED", await StatusAsync(team, membershipId, leaveId));
        var approved = await MailAsync(member.Email, s => s == "Your leave was approved");
        Assert.Contains("Enjoy the break", approved.Text);

        // The link decides nothing more; the page says so and leads to the request.
        await page.GotoAsync(approve.PathAndQuery);
        await Expect(page.Locator(".alert")).ToContainTextAsync("decided or changed since this mail was sent");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the request in Arkoa" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/sign-in");
    }

    [Fact]
    public async Task The_reject_link_asks_for_the_note_then_rejects_and_gives_the_days_back()
    {
        var (team, member, membershipId) = await CompanyWithEnglishMemberAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 22);
        var before = await member.BalanceAsync(team.CompanyId, membershipId, "PAID");
        var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday);
        var (_, reject, _) = DecisionLinks(await MailAsync(team.Admin.Email, s => s.StartsWith("Eve Employee requested a leave", StringComparison.Ordinal)));

        await using var web = await WebBrowser.OpenAsync(app, chromium, viewport: WebBrowser.Phone);
        var page = web.Page;
        await page.GotoAsync(reject.PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reject this request?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Expect(page.Locator(".validation-message")).ToHaveTextAsync("Say why you reject this request.", TextWait);
        Assert.Equal("PENDING", await StatusAsync(team, membershipId, leaveId));

        await page.Locator("#decision-note").FillAsync("Stock-taking that week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Expect(page.Locator(".mail-decision__done")).ToHaveTextAsync("Rejected. Eve Employee will be told, with your note.", TextWait);
        Assert.Equal("REJECTED", await StatusAsync(team, membershipId, leaveId));
        Assert.Equal(before, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        Assert.Contains("Stock-taking that week", (await MailAsync(member.Email, s => s == "Your leave was rejected")).Text);
    }
}
