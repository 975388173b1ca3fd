using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Issue 14 §7: on a member's page a manager approves or rejects their pending requests, cancels an approved leave that
/// has not started (its days come back), and records a leave for them, past days included, approved in the same step.
/// </summary>
public sealed class MemberLeaveBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_manager_approves_cancels_and_records_a_past_leave_from_the_member_s_page()
    {
        var team = await TestCompany.CreateAsync(app);
        await team.Admin.UseEnglishAsync();
        var (member, membershipId) = await team.AddMemberAsync(app, name: "Eve Employee");
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday);

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        var memberPage = $"/companies/{team.CompanyId}/team/{membershipId}";
        await web.GoToAsync(memberPage);
        var page = web.Page;
        var row = page.Locator($"#leave-{leaveId}");

        // The pending request is approved where the manager reads the member's record.
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The leave was approved.", TextWait);
        await Expect(row).ToContainTextAsync("Approved");
        Assert.Equal(9m, await team.Admin.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        // Approved and still to come: the manager cancels it after confirming, and the day goes back.
        await row.Locator("summary", new() { HasText = "Cancel" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The leave was canceled and its days given back.", TextWait);
        await Expect(row).ToContainTextAsync("Canceled");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Equal(10m, await team.Admin.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        // A sick week declared afterwards: past days, recorded and approved at once.
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-21);
        await FillLeaveAsync(page, "SICK", start, start.AddDays(6));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record and approve" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The leave was recorded and approved.", TextWait);
        var leaves = (await team.Admin.GetJsonAsync($"{team.LeavesUrl(membershipId)}?pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        var sick = Assert.Single(leaves, l => l.GetProperty("type").GetString() == "SICK");
        Assert.Equal("APPROVED", sick.GetProperty("status").GetString());
        Assert.Equal(start.Iso(), sick.GetProperty("startDate").GetString());
        await Expect(page.Locator($"#leave-{sick.GetProperty("id").GetString()}")).ToContainTextAsync("Approved");
        await web.ScreenshotAsync("member-leave-actions");
    }

    [Fact]
    public async Task A_manager_rejects_with_a_note_and_records_a_pending_leave_in_french_on_a_phone()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app, name: "Eve Employee");
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday.AddDays(1));

        await using var web = await WebBrowser.OpenAsync(app, chromium, language: "fr", viewport: WebBrowser.Phone);
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/team/{membershipId}");
        var page = web.Page;
        var row = page.Locator($"#leave-{leaveId}");

        // Rejecting needs a note; without one nothing changes and the form says why.
        await row.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Indiquez pourquoi vous refusez cette demande.", ContainsWait);
        Assert.Equal(8m, await team.Admin.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        await row.GetByLabel("Note pour Eve Employee (obligatoire pour refuser)").FillAsync("Semaine de clôture");
        await row.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le congé a été refusé et ses jours rendus.", TextWait);
        Assert.Equal(10m, await team.Admin.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        // Recorded as pending: it waits in the queue like a request (another manager, or this one, decides).
        var record = page.GetByRole(AriaRole.Region, new() { Name = "Saisir un congé pour Eve Employee" });
        await record.GetByLabel("Type de congé").SelectOptionAsync("PAID");
        await record.GetByLabel("Premier jour", new() { Exact = true }).FillAsync(monday.AddDays(7).Iso());
        await record.GetByLabel("Dernier jour", new() { Exact = true }).FillAsync(monday.AddDays(7).Iso());
        await record.GetByRole(AriaRole.Button, new() { Name = "Saisir en attente" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le congé a été saisi ; il attend la décision d'un manager.", TextWait);
        Assert.Equal(9m, await team.Admin.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        await web.ScreenshotAsync("member-leave-actions-fr-phone");
    }
}
