using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>The leave pages in Chromium: request with a live day count, approval, rejection, the calendar, a phone.</summary>
public sealed class LeaveBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_employee_requests_a_leave_with_a_live_count_a_manager_approves_it_and_the_calendar_shows_it()
    {
        var manager = await ApiSession.SignUpAsync(app, "Maya Manager");
        await manager.UseEnglishAsync();
        var (companyId, _) = await manager.CreateCompanyAsync();
        var companyName = (await manager.GetJsonAsync($"/api/companies/{companyId}")).GetProperty("name").GetString()!;
        var email = ApiSession.UniqueEmail("journey");
        const string password = "teal otter 63 bridge";

        // The employee signs up on the Web, confirms the address with the mailed link, and signs in.
        await using var employeeWeb = await WebBrowser.OpenAsync(app, chromium, language: "en");
        var page = employeeWeb.Page;
        await employeeWeb.GoToAsync("/sign-up");
        await page.Locator("#name").FillAsync("Eli Employee");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form.form button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your inbox", TextWait);
        var (confirmLink, _, _) = await AccountTestKit.WaitForLinkAsync(app.Inbox(), email, "Confirm your e-mail address", "verify-email");
        await employeeWeb.GoToAsync(confirmLink.PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Your e-mail address is confirmed.", ContainsWait);
        await employeeWeb.SignInAsync(email, password);

        // The manager invites them by e-mail on the Team page: having an account changes nothing, they get a link too.
        await using var managerWeb = await WebBrowser.OpenAsync(app, chromium, language: "en");
        await managerWeb.SignInAsync(manager.Email, manager.Password);
        await managerWeb.GoToAsync($"/companies/{companyId}/team");
        await managerWeb.Page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await managerWeb.Page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("EMPLOYEE");
        await managerWeb.Page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(managerWeb.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Invitation sent to {email}.");
        // The notice names the address, the page's address does not (browser history, proxies' logs).
        Assert.DoesNotContain(email.Split('@')[0], Uri.UnescapeDataString(managerWeb.Page.Url));
        var invitation = Assert.Single(await CompanyTestKit.InvitationTokensAsync(app, email));
        await employeeWeb.GoToAsync($"/invitations/{Uri.EscapeDataString(invitation)}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Accept and join {companyName}" }).ClickAsync();
        await page.WaitForURLAsync($"**/companies/{companyId}");
        var employee = await SignInAsync(app, email, password);
        var membershipId = (await manager.MembershipOfAsync(companyId, email)).GetProperty("id").GetString()!;
        await manager.CreditAsync(companyId, membershipId, "PAID", 10);
        var before = await employee.BalanceAsync(companyId, membershipId, "PAID");

        // Monday to Wednesday noon: 2.5 working days, counted live by the Api as the dates change, with the balance after.
        var monday = TestDates.FebruaryMondayNextYear();
        await employeeWeb.GoToAsync($"/companies/{companyId}/leaves");
        await FillLeaveAsync(page, "PAID", monday, monday.AddDays(2));
        await Expect(page.Locator("#leave-day-count")).ToHaveTextAsync($"3 working days · balance after: {Days(before - 3)} days", TextWait);
        await page.GetByLabel("End at noon").CheckAsync();
        await Expect(page.Locator("#leave-day-count")).ToHaveTextAsync($"2.5 working days · balance after: {Days(before - 2.5m)} days", TextWait);
        await page.GetByLabel("Reason (optional)").FillAsync("Family trip");
        await employeeWeb.ScreenshotAsync("request-form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await page.WaitForURLAsync("**/leaves?sent=*");
        var notice = page.Locator(".notice");
        await Expect(notice).ToContainTextAsync("Your request was sent for approval.");
        await Expect(notice).ToContainTextAsync("2.5 days");
        await Expect(notice).ToContainTextAsync($"Your new Paid leave balance: {Days(before - 2.5m)} days");
        await Expect(page.Locator(".leaves-table tbody tr").First.Locator(".status")).ToHaveTextAsync("Pending");

        // The manager sees it first on the approvals page and approves it.
        await managerWeb.GoToAsync($"/companies/{companyId}/approvals");
        var request = managerWeb.Page.Locator("li.review", new() { HasText = "Eli Employee" });
        await Expect(request).ToContainTextAsync("2.5 days");
        await Expect(request).ToContainTextAsync("Family trip");
        await managerWeb.ScreenshotAsync("approvals");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await managerWeb.Page.WaitForURLAsync("**/approvals?done=APPROVED");
        await Expect(managerWeb.Page.Locator(".notice")).ToHaveTextAsync("The leave was approved.");
        await Expect(managerWeb.Page.Locator("table tbody tr", new() { HasText = "Eli Employee" }).Locator(".status")).ToHaveTextAsync("Approved");
        await managerWeb.GoToAsync($"/companies/{companyId}");
        await Expect(managerWeb.Page.Locator(".stat--action .stat__value")).ToHaveTextAsync("0");
        await managerWeb.ScreenshotAsync("dashboard");

        // The employee sees it approved, on the list and the dashboard, and the balance kept the deduction.
        await employeeWeb.GoToAsync($"/companies/{companyId}/leaves");
        await Expect(page.Locator(".leaves-table tbody tr").First.Locator(".status")).ToHaveTextAsync("Approved");
        await employeeWeb.GoToAsync($"/companies/{companyId}");
        await Expect(page.Locator("section", new() { HasText = "My next leaves" }).Locator(".status")).ToHaveTextAsync("Approved");
        Assert.Equal(before - 2.5m, await employee.BalanceAsync(companyId, membershipId, "PAID"));
        await employeeWeb.ScreenshotAsync("dashboard-employee");

        // The month grid marks Monday and Tuesday whole and Wednesday's morning, on the employee's row.
        await employeeWeb.GoToAsync($"/companies/{companyId}/calendar?month={monday:yyyy-MM}");
        var row = page.Locator("tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Eli Employee" }) });
        await Expect(row.Locator($"td[data-date='{monday.Iso()}'] .mark--full")).ToHaveCountAsync(1);
        await Expect(row.Locator($"td[data-date='{monday.AddDays(1).Iso()}'] .mark--full")).ToHaveCountAsync(1);
        await Expect(row.Locator($"td[data-date='{monday.AddDays(2).Iso()}'] .mark--morning")).ToContainTextAsync("Paid leave, Approved, Morning");
        await Expect(row.Locator($"td[data-date='{monday.AddDays(3).Iso()}'] .mark")).ToHaveCountAsync(0);
        await Expect(page.Locator("section", new() { HasText = "Absences this month" })).ToContainTextAsync("Eli Employee");
        await employeeWeb.ScreenshotAsync("calendar");
    }

    [Fact]
    public async Task Rejecting_needs_a_note_and_a_request_someone_else_decided_says_so()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 25);
        await team.Admin.UseEnglishAsync();
        var (employee, membershipId) = await team.AddMemberAsync(app, name: "Rita Rejected");
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 5);
        var before = await employee.BalanceAsync(team.CompanyId, membershipId, "PAID");
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 1);
        var rejectedId = await employee.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday.AddDays(1));
        var raceId = await employee.CreateLeaveAsync(team.CompanyId, membershipId, "UNPAID", monday.AddDays(14), monday.AddDays(14));

        await using var web = await WebBrowser.OpenAsync(app, chromium, language: "en");
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/approvals");
        var page = web.Page;
        var toReject = page.Locator("li.review", new() { Has = page.Locator($"#note-{rejectedId}") });
        var toRace = page.Locator("li.review", new() { Has = page.Locator($"#note-{raceId}") });
        await toRace.GetByLabel("Note to Rita Rejected").FillAsync("Fine by me");

        // No note: refused by the page, next to the note; nothing changed and the other form keeps its text.
        await toReject.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(toReject.Locator(".validation-message")).ToHaveTextAsync("Say why you reject this request.", TextWait);
        await Expect(toReject.GetByLabel("Note to Rita Rejected")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("PENDING", await StatusAsync(employee, team, membershipId, rejectedId));

        await toReject.GetByLabel("Note to Rita Rejected").FillAsync("The team offsite is that week.");
        await toReject.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await page.WaitForURLAsync("**/approvals?done=REJECTED");
        var decided = page.Locator("table tbody tr", new() { HasText = "Rita Rejected" });
        await Expect(decided).ToContainTextAsync("The team offsite is that week.");
        await Expect(decided.Locator(".status")).ToHaveTextAsync("Rejected");
        Assert.Equal(before, await employee.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        // Someone decides the other request while this page is open: approving it here shows the Api's conflict, changing nothing.
        var review = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(raceId), new { status = "REJECTED", managerNote = "Decided elsewhere" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        await toRace.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        var alert = page.Locator(".alert", new() { HasText = "Someone else acted on this request first" });
        await Expect(alert).ToContainTextAsync("The leave was changed by someone else; reload it and try again.", ContainsWait);
        Assert.Equal("REJECTED", await StatusAsync(employee, team, membershipId, raceId));
    }

    [Fact]
    public async Task On_a_phone_the_request_form_fits_the_screen_and_counts_the_days()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 25);
        var (employee, _) = await team.AddMemberAsync(app, name: "Pia Phone");
        await employee.UseEnglishAsync();
        await team.Admin.CreateLeaveAsync(team.CompanyId, team.AdminMembershipId, "UNPAID", TestDates.FebruaryMondayNextYear(), TestDates.FebruaryMondayNextYear());

        await using var web = await WebBrowser.OpenAsync(app, chromium, language: "en", viewport: WebBrowser.Phone);
        await web.SignInAsync(employee.Email, employee.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/leaves");
        var monday = TestDates.FebruaryMondayNextYear();
        await FillLeaveAsync(web.Page, "UNPAID", monday.AddDays(4), monday.AddDays(7));
        // Friday and the next Monday: the weekend in between does not count.
        await Expect(web.Page.Locator("#leave-day-count")).ToHaveTextAsync("2 working days", TextWait);
        await Expect(web.Page.Locator("#leave-day-count")).ToBeVisibleAsync();
        await web.ScreenshotAsync("request-form-phone");
        Assert.Null(await OverflowAsync(web.Page));

        await web.GoToAsync($"/companies/{team.CompanyId}/calendar?month={monday:yyyy-MM}");
        await Expect(web.Page.Locator("table.calendar")).ToBeVisibleAsync();
        await web.ScreenshotAsync("calendar-phone");
        Assert.Null(await OverflowAsync(web.Page)); // only the grid scrolls, inside its card

        // Public holidays are marked on the grid (May has several in France).
        await web.GoToAsync($"/companies/{team.CompanyId}/calendar?month={monday.Year}-05");
        await Expect(web.Page.Locator("thead th.is-holiday").First).ToBeVisibleAsync();
        await Expect(web.Page.Locator("section", new() { HasText = "Holidays this month" })).ToContainTextAsync("(public holiday)");

        await web.GoToAsync($"/companies/{team.CompanyId}");
        await Expect(web.Page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await web.ScreenshotAsync("dashboard-phone");
        Assert.Null(await OverflowAsync(web.Page));
    }

    [Fact]
    public async Task In_french_a_pending_leave_is_edited_with_its_count_then_canceled_after_confirming()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 25);
        var (employee, membershipId) = await team.AddMemberAsync(app, name: "Éloïse Dupont");
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 5);
        var before = await employee.BalanceAsync(team.CompanyId, membershipId, "PAID");
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 2);
        var leaveId = await employee.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday);

        // The account speaks French (the default): the pages do too.
        await using var web = await WebBrowser.OpenAsync(app, chromium, language: "fr");
        await web.SignInAsync(employee.Email, employee.Password);
        var page = web.Page;
        await web.GoToAsync($"/companies/{team.CompanyId}/leaves");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier" }).ClickAsync();
        await page.WaitForURLAsync($"**/leaves/{leaveId}/edit");
        // The count of an edit gives the leave's own day back first: the balance after is the one before the request, less the new count.
        await Expect(page.Locator("#leave-day-count")).ToHaveTextAsync($"1 jour ouvré · solde après : {FrenchDays(before - 1)} jours", TextWait);
        await page.GetByLabel("Dernier jour", new() { Exact = true }).FillAsync(monday.AddDays(1).Iso());
        await page.GetByLabel("Commencer l'après-midi").CheckAsync();
        await Expect(page.Locator("#leave-day-count")).ToHaveTextAsync($"1,5 jour ouvré · solde après : {FrenchDays(before - 1.5m)} jours", TextWait);
        await web.ScreenshotAsync("edit-form-fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        await page.WaitForURLAsync("**/leaves?sent=*");
        await Expect(page.Locator(".notice")).ToContainTextAsync("1,5 jour.");
        Assert.Equal(before - 1.5m, await employee.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        // Cancel asks first (a disclosure, no script needed), then gives the days back.
        var row = page.Locator(".leaves-table tbody tr").First;
        await row.Locator("summary", new() { HasText = "Annuler" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Oui, l'annuler" }).ClickAsync();
        await page.WaitForURLAsync("**/leaves?canceled=1");
        await Expect(page.Locator(".leaves-table tbody tr").First.Locator(".status")).ToHaveTextAsync("Annulé");
        Assert.Equal(before, await employee.BalanceAsync(team.CompanyId, membershipId, "PAID"));
    }

    private static string FrenchDays(decimal days) => days.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr"));

    private static async Task<string> StatusAsync(ApiSession member, TestCompany team, string membershipId, string leaveId) =>
        (await member.LeavesAsync(team.CompanyId, membershipId)).Single(l => l.GetProperty("id").GetString() == leaveId)
            .GetProperty("status").GetString()!;
}
