using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>The day-count preview the request form shows live: the same count a created leave gets.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class LeaveDayCountTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task The_preview_counts_half_days_and_company_holidays_like_a_created_leave()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await admin.CreateCompanyAsync();
        var monday = TestDates.FebruaryMondayNextYear();
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync(
            $"/api/companies/{companyId}/holidays", new { date = monday.AddDays(2).Iso(), name = "Company day" })).StatusCode);
        var range = $"startDate={monday.Iso()}&endDate={monday.AddDays(7).Iso()}&startHalf=AFTERNOON&endHalf=MORNING";

        var preview = await CountAsync(admin, companyId, range);
        // Mon pm .5 + Tue 1 + (Wed holiday) + Thu 1 + Fri 1 + next Mon am .5 = 4
        Assert.Equal(4m, preview);
        var created = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves", new
        {
            type = "UNPAID", startDate = monday.Iso(), endDate = monday.AddDays(7).Iso(), startHalf = "AFTERNOON", endHalf = "MORNING",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(preview, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetDecimal());
    }

    [Theory]
    [InlineData("endDate=2027-02-01", "startDate")]
    [InlineData("startDate=2027-02-01", "endDate")]
    [InlineData("startDate=2027-02-30&endDate=2027-03-01", "startDate")]
    [InlineData("startDate=2027-02-03&endDate=2027-02-01", "endDate")]
    [InlineData("startDate=2027-02-01&endDate=2027-02-01&startHalf=EVENING", "startHalf")]
    [InlineData("startDate=2027-02-01&endDate=2027-02-01&startHalf=AFTERNOON&endHalf=MORNING", "endHalf")]
    public async Task A_bad_range_is_a_400_naming_the_field(string query, string field)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();

        await (await admin.Http.GetAsync($"/api/companies/{companyId}/leaves/day-count?{query}")).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task Only_members_of_the_company_may_ask()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var stranger = await ApiSession.SignUpAsync(app);

        var response = await stranger.Http.GetAsync($"/api/companies/{companyId}/leaves/day-count?startDate=2027-02-01&endDate=2027-02-01");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<decimal> CountAsync(ApiSession session, string companyId, string query)
    {
        var response = await session.Http.GetAsync($"/api/companies/{companyId}/leaves/day-count?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetDecimal();
    }
}
