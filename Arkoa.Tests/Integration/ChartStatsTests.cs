using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>The data of the managers' charts (issue 14 §16): approved absences per month by type, paid leave per member.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ChartStatsTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task Approved_absences_count_per_month_and_type_and_each_member_shows_paid_leave_used_and_left()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app, annualLeaveDays: 0);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 10);
        // Last month, a Monday to Wednesday without a public holiday, and the next Monday without one either.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = TestDates.PlainMonday(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));
        var sickDay = TestDates.PlainMonday(monday.AddDays(7));
        await ApprovedAsync(team, team.EmployeeMembershipId, "PAID", monday, monday.AddDays(2));
        await ApprovedAsync(team, team.ManagerMembershipId, "SICK", sickDay, sickDay, reviewer: team.Admin);
        // Not counted: a pending leave, and another company's approved one.
        await team.Admin.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "UNPAID", sickDay.AddDays(1), sickDay.AddDays(1));
        var other = await CompanyTestKit.CreateTeamAsync(app, annualLeaveDays: 0);
        await ApprovedAsync(other, other.EmployeeMembershipId, "UNPAID", monday, monday);

        var response = await team.Manager.Http.GetAsync(team.Url("/stats/charts"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var charts = await response.Content.ReadFromJsonAsync<JsonElement>();

        var months = charts.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        var firsts = months.Select(m => DateOnly.Parse(m.GetProperty("month").GetString()!)).ToList();
        Assert.All(firsts.Zip(firsts.Skip(1)), pair => Assert.Equal(pair.First.AddMonths(1), pair.Second));
        Assert.Contains(new DateOnly(today.Year, today.Month, 1), firsts[^2..]); // the company's month, whatever its time zone
        var expected = new Dictionary<(DateOnly, string), decimal> { [(Month(monday), "PAID")] = 3m };
        expected[(Month(sickDay), "SICK")] = 1m;
        var actual = months.SelectMany(m => m.GetProperty("days").EnumerateArray().Select(d =>
            ((DateOnly.Parse(m.GetProperty("month").GetString()!), d.GetProperty("type").GetString()!), d.GetProperty("days").GetDecimal())))
            .ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));

        var employee = charts.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("membershipId").GetString() == team.EmployeeMembershipId);
        Assert.Equal(monday.Year == today.Year ? 3m : 0m, employee.GetProperty("usedDays").GetDecimal());
        Assert.Equal(7m, employee.GetProperty("remainingDays").GetDecimal());
        Assert.Equal(3, charts.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_companys_managers_see_the_charts()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app, annualLeaveDays: 0);
        var other = await TestCompany.CreateAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.GetAsync(team.Url("/stats/charts"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.GetAsync(team.Url("/stats/charts"))).StatusCode);
    }

    private static async Task ApprovedAsync(TestCompany team, string membershipId, string type, DateOnly start, DateOnly end, ApiSession? reviewer = null)
    {
        var leaveId = await team.Admin.CreateLeaveAsync(team.CompanyId, membershipId, type, start, end);
        var approved = await (reviewer ?? team.Admin).Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);
}
