using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Charts on the managers' dashboard (issue 14 §16): absences per month stacked by type in the types' colours, with the
/// figures as a table, and each member's paid leave as a bar with its figures in words; none for an employee.
/// </summary>
public sealed class DashboardChartBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_manager_sees_last_months_absences_by_type_and_each_members_paid_leave_in_french()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app, annualLeaveDays: 0);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 10);
        // Last month: three paid days for the employee and one sick day for the manager, both approved.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = TestDates.PlainMonday(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));
        await ApprovedAsync(team, team.EmployeeMembershipId, "PAID", monday, monday.AddDays(2));
        await ApprovedAsync(team, team.ManagerMembershipId, "SICK", monday, monday);
        var month = monday.ToString("yyyy-MM");

        await using var web = await WebBrowser.OpenAsync(app, chromium, language: "fr");
        await web.SignInAsync(team.Manager.Email, team.Manager.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}");
        var page = web.Page;

        var chart = page.Locator("svg.chart");
        await Expect(chart).ToHaveAttributeAsync("role", "img");
        await Expect(chart.Locator("title").First).ToHaveTextAsync("Absences par mois, 12 derniers mois");
        await Expect(chart.Locator(".chart__month")).ToHaveCountAsync(12);
        var bar = chart.Locator($".chart__month[data-month='{month}']");
        var paid = bar.Locator("rect[data-leave-type=PAID]");
        var sick = bar.Locator("rect[data-leave-type=SICK]");
        var monthName = monday.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr"));
        await Expect(paid.Locator("title")).ToHaveTextAsync($"Congés payés, {monthName} : 3 jours");
        await Expect(sick.Locator("title")).ToHaveTextAsync($"Arrêt maladie, {monthName} : 1 jour");
        // Drawn to scale in each type's own colour, the legend's.
        var (paidHeight, sickHeight) = (await HeightAsync(paid), await HeightAsync(sick));
        Assert.Equal(3, paidHeight / sickHeight, 2);
        var paidFill = await paid.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        Assert.NotEqual(paidFill, await sick.EvaluateAsync<string>("e => getComputedStyle(e).fill"));
        Assert.Equal(paidFill, await page.Locator(".legend--types li[data-leave-type=PAID] .swatch").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        // The same figures as a table, for whoever would rather read them.
        await page.GetByText("Afficher les chiffres").ClickAsync();
        var row = page.Locator(".chart__figures tbody tr", new() { HasText = monthName });
        await Expect(row.Locator("td")).ToHaveTextAsync(["3", "1", "4"]);

        // Paid leave per member: the employee has used 3 of 10 days this year (when last month is this year).
        var used = monday.Year == today.Year ? 3 : 0;
        var usage = page.Locator($".usage[data-membership-id='{team.EmployeeMembershipId}']");
        await Expect(usage.Locator(".usage__figures")).ToHaveTextAsync($"pris : {used} {(used < 2 ? "jour" : "jours")} · restant : 7 jours");
        Assert.Equal(used / 10.0 * 100, double.Parse((await usage.Locator(".usage__used").GetAttributeAsync("width"))!, System.Globalization.CultureInfo.InvariantCulture), 1);
        await Expect(page.Locator(".usage")).ToHaveCountAsync(3);
        await web.ScreenshotAsync("dashboard-charts-fr");

        // An employee's dashboard draws neither.
        await using var employeeWeb = await WebBrowser.OpenAsync(app, chromium, language: "fr");
        await employeeWeb.SignInAsync(team.Employee.Email, team.Employee.Password);
        await employeeWeb.GoToAsync($"/companies/{team.CompanyId}");
        await Expect(employeeWeb.Page.Locator("h1")).ToHaveTextAsync("Tableau de bord", TextWait);
        await Expect(employeeWeb.Page.Locator("svg.chart, .usage-list")).ToHaveCountAsync(0);
    }

    private static async Task<double> HeightAsync(Microsoft.Playwright.ILocator rect) =>
        double.Parse((await rect.GetAttributeAsync("height"))!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ApprovedAsync(TestCompany team, string membershipId, string type, DateOnly start, DateOnly end)
    {
        var leaveId = await team.Admin.CreateLeaveAsync(team.CompanyId, membershipId, type, start, end);
        var approved = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }
}
