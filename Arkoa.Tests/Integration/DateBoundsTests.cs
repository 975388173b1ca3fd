using System.Net;
using System.Net.Http.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Every date the Api accepts lies between 1900-01-01 and 2199-12-31; any other is a 400 naming the field and
/// changes nothing (issue 13, point 18). A leave or a day count ending 9999-12-31 was a 500.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class DateBoundsTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Theory]
    [InlineData("9999-12-30", "9999-12-31", "startDate")]
    [InlineData("2026-02-02", "9999-12-31", "endDate")]
    [InlineData("2199-12-31", "2200-01-01", "endDate")]
    [InlineData("1899-12-31", "1900-01-02", "startDate")]
    [InlineData("0001-01-01", "0001-01-01", "startDate")]
    public async Task A_leave_outside_the_bounds_is_a_400_naming_the_field_and_writes_nothing(string start, string end, string field)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var url = $"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves";

        // A manager may record leaves in the past, so only the bounds refuse these.
        var response = await team.Admin.Http.PostAsJsonAsync(url, new { type = "UNPAID", startDate = start, endDate = end });

        await response.AssertFieldErrorAsync(field);
        Assert.Empty(await team.Admin.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));
    }

    [Fact]
    public async Task The_last_days_within_the_bounds_are_accepted_and_counted()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);

        var count = await team.Employee.GetJsonAsync(team.Url("/leaves/day-count?startDate=2199-12-30&endDate=2199-12-31"));
        Assert.Equal(2m, count.GetProperty("days").GetDecimal()); // a Monday and a Tuesday

        var created = await team.Admin.Http.PostAsJsonAsync(
            $"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves",
            new { type = "UNPAID", startDate = "2199-12-30", endDate = "2199-12-31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory]
    [InlineData("?startDate=2026-02-02&endDate=9999-12-31", "endDate")]
    [InlineData("?startDate=9999-12-31&endDate=9999-12-31", "startDate")]
    [InlineData("?startDate=1066-10-14&endDate=2026-02-02", "startDate")]
    public async Task A_day_count_outside_the_bounds_is_a_400_naming_the_parameter(string query, string field)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        await (await team.Employee.Http.GetAsync(team.Url("/leaves/day-count" + query))).AssertFieldErrorAsync(field);
    }

    [Theory]
    [InlineData("/leaves?from=9999-12-31", "from")]
    [InlineData("/leaves?to=1899-12-31", "to")]
    [InlineData("/holidays?year=9999", "year")]
    [InlineData("/holidays?year=1899", "year")]
    [InlineData("/holidays?year=many", "year")]
    [InlineData("/calendar?year=9999", "year")]
    [InlineData("/calendar?year=2030&month=13", "month")]
    public async Task Filters_outside_the_bounds_are_a_400_naming_the_parameter(string path, string field)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        await (await team.Admin.Http.GetAsync(team.Url(path))).AssertFieldErrorAsync(field);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("1815-06-18")]
    public async Task A_company_holiday_outside_the_bounds_is_refused(string date)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);

        var response = await team.Admin.Http.PostAsJsonAsync(team.Url("/holidays"), new { date, name = "Far away" });

        await response.AssertFieldErrorAsync("date");
        var holidays = await team.Admin.GetJsonAsync(team.Url("/holidays"));
        Assert.Equal(0, holidays.GetProperty("total").GetInt32());
    }
}
