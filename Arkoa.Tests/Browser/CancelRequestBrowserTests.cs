using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Issue 14 §7: an employee asks (in French) to cancel an approved leave from their list; a manager (in English) declines
/// one request from the approvals, with the note it needs, and accepts another from the member's page, which gives the days back.
/// </summary>
public sealed class CancelRequestBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_employee_asks_to_cancel_an_approved_leave_and_the_manager_declines_or_accepts()
    {
        var team = await TestCompany.CreateAsync(app);
        await team.Admin.UseEnglishAsync();
        var (eve, eveId) = await team.AddMemberAsync(app, name: "Eve Employee");
        await team.Admin.CreditAsync(team.CompanyId, eveId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 2);
        var trip = await eve.CreateLeaveAsync(team.CompanyId, eveId, "PAID", monday, monday.AddDays(1));
        var dayOff = await eve.CreateLeaveAsync(team.CompanyId, eveId, "PAID", monday.AddDays(7), monday.AddDays(7));
        foreach (var leave in new[] { trip, dayOff })
        {
            Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leave), new { status = "APPROVED" })).StatusCode);
        }

        // The employee, in French: an approved leave offers "ask to cancel", not "cancel".
        await using (var employee = await WebBrowser.OpenAsync(app, chromium, language: "fr"))
        {
            await employee.SignInAsync(eve.Email, eve.Password);
            await employee.GoToAsync($"/companies/{team.CompanyId}/leaves");
            var row = employee.Page.Locator($"#leave-{trip}");
            await Expect(row.GetByText("Annuler", new() { Exact = true })).ToHaveCountAsync(0);
            await row.GetByText("Demander l'annulation").ClickAsync();
            await row.GetByLabel("Motif (facultatif)").FillAsync("Le voyage est annulé");
            await row.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande d'annulation" }).ClickAsync();

            await Expect(employee.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre demande d'annulation a été envoyée à vos managers.", ContainsWait);
            await Expect(employee.Page.Locator($"#leave-{trip} .cancel-requested")).ToHaveTextAsync("Annulation demandée");
            await Expect(employee.Page.Locator($"#leave-{trip}").GetByText("Demander l'annulation")).ToHaveCountAsync(0);
            await employee.ScreenshotAsync("cancel-request-asked-fr");
        }
        var askDayOff = await eve.Http.PostAsJsonAsync($"{team.LeavesUrl(eveId)}/{dayOff}/cancel-request", new { });
        Assert.Equal(HttpStatusCode.OK, askDayOff.StatusCode);

        // The manager, in English: both requests wait in the approvals, the soonest first, with the member's reason.
        await using var manager = await WebBrowser.OpenAsync(app, chromium);
        await manager.SignInAsync(team.Admin.Email, team.Admin.Password);
        await manager.GoToAsync($"/companies/{team.CompanyId}/approvals");
        var page = manager.Page;
        var requests = page.Locator("section[aria-labelledby=cancel-requests-heading] li.review");
        await Expect(requests).ToHaveCountAsync(2);
        await Expect(requests.Nth(0)).ToHaveIdAsync($"cancel-request-{trip}");
        await Expect(requests.Nth(0)).ToContainTextAsync("Le voyage est annulé");
        await manager.ScreenshotAsync("cancel-requests-en");

        // Declining needs a reason; with one, the leave stays approved and its days stay taken.
        var tripRequest = page.Locator($"#cancel-request-{trip}");
        await tripRequest.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(tripRequest).ToContainTextAsync("Say why the leave cannot be canceled.", ContainsWait);
        await page.Locator($"#cancel-request-{trip}").GetByLabel("Note to Eve Employee (required to decline)").FillAsync("It is our busiest week");
        await page.Locator($"#cancel-request-{trip}").GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The request to cancel was declined; the leave stays approved.", TextWait);
        await Expect(requests).ToHaveCountAsync(1);

        // Accepting from the member's page cancels the leave: its day comes back.
        await manager.GoToAsync($"/companies/{team.CompanyId}/team/{eveId}");
        var dayOffRow = page.Locator($"#leave-{dayOff}");
        await Expect(dayOffRow.Locator(".cancel-requested")).ToHaveTextAsync("Cancellation requested");
        await dayOffRow.GetByRole(AriaRole.Button, new() { Name = "Accept: cancel the leave" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The leave was canceled as asked and its days given back.", TextWait);
        await Expect(page.Locator("[data-balance=PAID]")).ToHaveTextAsync("8");

        var leaves = (await eve.LeavesAsync(team.CompanyId, eveId)).ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("status").GetString());
        Assert.Equal(("APPROVED", "CANCELED"), (leaves[trip], leaves[dayOff]));
    }

    /// <summary>
    /// Plans change back: the employee (in English this time) takes the request back from their list, and the manager's
    /// Approvals tab, which counted it, no longer does.
    /// </summary>
    [Fact]
    public async Task An_employee_withdraws_a_request_to_cancel_and_the_managers_count_drops()
    {
        var team = await TestCompany.CreateAsync(app);
        await team.Admin.UseEnglishAsync();
        var (eve, eveId) = await team.AddMemberAsync(app, name: "Eve Employee");
        await eve.UseEnglishAsync();
        await team.Admin.CreditAsync(team.CompanyId, eveId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 3);
        var trip = await eve.CreateLeaveAsync(team.CompanyId, eveId, "PAID", monday, monday.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(trip), new { status = "APPROVED" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eve.Http.PostAsJsonAsync($"{team.LeavesUrl(eveId)}/{trip}/cancel-request", new { })).StatusCode);

        await using var manager = await WebBrowser.OpenAsync(app, chromium);
        await manager.SignInAsync(team.Admin.Email, team.Admin.Password);
        await manager.GoToAsync($"/companies/{team.CompanyId}/approvals");
        await Expect(manager.Page.Locator("[data-tab-count]")).ToHaveTextAsync("1");

        await using (var employee = await WebBrowser.OpenAsync(app, chromium))
        {
            await employee.SignInAsync(eve.Email, eve.Password);
            await employee.GoToAsync($"/companies/{team.CompanyId}/leaves");
            var row = employee.Page.Locator($"#leave-{trip}");
            await Expect(row.Locator(".cancel-requested")).ToHaveTextAsync("Cancellation requested");
            await row.GetByRole(AriaRole.Button, new() { Name = "Withdraw my request to cancel" }).ClickAsync();

            await Expect(employee.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your request to cancel is withdrawn; the leave stays approved.", TextWait);
            row = employee.Page.Locator($"#leave-{trip}");
            await Expect(row.Locator(".cancel-requested")).ToHaveCountAsync(0);
            await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Withdraw my request to cancel" })).ToHaveCountAsync(0);
            await Expect(row.GetByText("Ask to cancel")).ToBeVisibleAsync(); // plans may change once more
            await employee.ScreenshotAsync("cancel-request-withdrawn-en");
        }

        await manager.GoToAsync($"/companies/{team.CompanyId}/approvals");
        await Expect(manager.Page.Locator("[data-tab-count]")).ToHaveCountAsync(0);
        await Expect(manager.Page.Locator("section[aria-labelledby=cancel-requests-heading]")).ToHaveCountAsync(0);
        var leave = (await eve.LeavesAsync(team.CompanyId, eveId)).Single();
        Assert.Equal(("APPROVED", System.Text.Json.JsonValueKind.Null), (leave.GetProperty("status").GetString(), leave.GetProperty("cancelRequestedAt").ValueKind));
    }
}
