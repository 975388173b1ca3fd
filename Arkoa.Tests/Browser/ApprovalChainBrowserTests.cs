using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Arkoa.Tests.Integration.ApprovalTestKit;
using static Arkoa.Tests.Integration.TeamTestKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// SPEC §11's main journey in the Web: a two-step chain, where the team manager (an employee) approves first, then HR
/// (the admin) sees the step and the first decision and approves; the employee sees the leave approved.
/// </summary>
public sealed class ApprovalChainBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_two_step_request_is_approved_by_the_team_manager_then_by_hr_and_the_employee_sees_it_approved()
    {
        var company = await TestCompany.CreateAsync(app);
        var (admin, id) = (company.Admin, company.CompanyId);
        await admin.UseEnglishAsync();
        var (lea, leaId) = await company.AddMemberAsync(app, name: "Lea Lead");
        await lea.UseEnglishAsync();
        var (eve, eveId) = await company.AddMemberAsync(app, name: "Eve Employee");
        await eve.UseEnglishAsync();
        var sales = await admin.AddTeamAsync(id, "Sales");
        await admin.JoinTeamAsync(id, sales, eveId, isPrimary: true);
        await admin.ManageTeamAsync(id, sales, leaId);
        await admin.SetChainAsync(id, Step("TEAM_MANAGERS"), Step("COMPANY_ADMINS"));
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await eve.CreateLeaveAsync(id, eveId, "UNPAID", monday, monday.AddDays(1));

        // The team manager, an employee, has the request waiting at the first of two steps.
        await using (var leaWeb = await WebBrowser.OpenAsync(app, chromium))
        {
            await leaWeb.SignInAsync(lea.Email, lea.Password);
            await leaWeb.GoToAsync($"/companies/{id}/approvals");
            var request = leaWeb.Page.Locator($"#leave-{leaveId}");
            await Expect(request).ToContainTextAsync("Step 1 of 2");
            await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await leaWeb.Page.WaitForURLAsync("**/approvals?done=STEP");
            await Expect(leaWeb.Page.Locator(".notice")).ToHaveTextAsync("Your approval was recorded; the request goes on to its next step.");
            await Expect(leaWeb.Page.Locator($"#leave-{leaveId}")).ToHaveCountAsync(0); // it now waits for HR
        }

        // HR sees it at the second step, with the team manager's decision, and approves it.
        await using (var hrWeb = await WebBrowser.OpenAsync(app, chromium))
        {
            await hrWeb.SignInAsync(admin.Email, admin.Password);
            await hrWeb.GoToAsync($"/companies/{id}/approvals");
            var request = hrWeb.Page.Locator($"#leave-{leaveId}");
            await Expect(request).ToContainTextAsync("Step 2 of 2");
            await Expect(request).ToContainTextAsync("Step 1: approved by Lea Lead");
            await hrWeb.ScreenshotAsync("approvals-chain-step");
            await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await hrWeb.Page.WaitForURLAsync("**/approvals?done=APPROVED");
            await Expect(hrWeb.Page.Locator(".notice")).ToHaveTextAsync("The leave was approved.");
        }

        await using var eveWeb = await WebBrowser.OpenAsync(app, chromium);
        await eveWeb.SignInAsync(eve.Email, eve.Password);
        await eveWeb.GoToAsync($"/companies/{id}/leaves");
        await Expect(eveWeb.Page.Locator(".leaves-table tbody tr").First.Locator(".status")).ToHaveTextAsync("Approved");
    }
    [Fact]
    public async Task A_team_manager_delegates_from_the_approvals_page_and_the_delegate_decides_on_their_behalf()
    {
        var company = await TestCompany.CreateAsync(app);
        var (admin, id) = (company.Admin, company.CompanyId);
        var (lea, leaId) = await company.AddMemberAsync(app, name: "Lea Lead");
        await lea.UseEnglishAsync();
        var (sam, samId) = await company.AddMemberAsync(app, name: "Sam Stand-in");
        await sam.UseEnglishAsync();
        var (eve, eveId) = await company.AddMemberAsync(app, name: "Eve Employee");
        var sales = await admin.AddTeamAsync(id, "Sales");
        await admin.JoinTeamAsync(id, sales, eveId, isPrimary: true);
        await admin.ManageTeamAsync(id, sales, leaId);
        await admin.SetChainAsync(id, Step("TEAM_MANAGERS"));
        var today = UtcToday();

        await using (var leaWeb = await WebBrowser.OpenAsync(app, chromium))
        {
            await leaWeb.SignInAsync(lea.Email, lea.Password);
            await leaWeb.GoToAsync($"/companies/{id}/approvals");
            var page = leaWeb.Page;
            await page.GetByLabel("Delegate to").SelectOptionAsync(new SelectOptionValue { Label = "Sam Stand-in" });
            await page.GetByLabel("From").FillAsync(today.AddDays(-1).Iso());
            await page.GetByLabel("Until (included)").FillAsync(today.AddDays(1).Iso());
            await page.GetByRole(AriaRole.Button, new() { Name = "Delegate my approvals" }).ClickAsync();
            await Expect(page.Locator("ul.delegations li")).ToContainTextAsync("To Sam Stand-in, from ");
        }

        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await eve.CreateLeaveAsync(id, eveId, "UNPAID", monday, monday.AddDays(1));
        await using var samWeb = await WebBrowser.OpenAsync(app, chromium);
        await samWeb.SignInAsync(sam.Email, sam.Password);
        await samWeb.GoToAsync($"/companies/{id}/approvals");
        var request = samWeb.Page.Locator($"#leave-{leaveId}");
        await Expect(request).ToContainTextAsync("You decide on behalf of Lea Lead.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await samWeb.Page.WaitForURLAsync("**/approvals?done=APPROVED");
        Assert.Equal([(1, samId, (string?)leaId, "APPROVED")], (await eve.ApprovalAsync(company, leaveId)).Decisions());
    }
}
