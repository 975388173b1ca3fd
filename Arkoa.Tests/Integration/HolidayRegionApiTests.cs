using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// A company's holiday region and solidarity day through the Api (docs/french-leave-rules.md): the setting, a refused
/// region, and the day counter and calendar following the region's holidays.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class HolidayRegionApiTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    // Monday 22 to Friday 26 March 2027: Good Friday (26 March) is a holiday in Alsace-Moselle only.
    private const string GoodFridayWeek = "startDate=2027-03-22&endDate=2027-03-26";

    [Fact]
    public async Task A_new_company_is_metropolitan_france_and_an_admin_picks_a_region_and_the_solidarity_day()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var created = await admin.GetJsonAsync($"/api/companies/{companyId}");
        Assert.Equal(("FR", false), (created.GetProperty("holidayCountry").GetString(), created.GetProperty("solidarityDayWorked").GetBoolean()));

        var response = await admin.PatchAsync($"/api/companies/{companyId}", new { holidayCountry = "fr-alsace-moselle", solidarityDayWorked = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var company = await admin.GetJsonAsync($"/api/companies/{companyId}");
        Assert.Equal(("FR-ALSACE-MOSELLE", true), (company.GetProperty("holidayCountry").GetString(), company.GetProperty("solidarityDayWorked").GetBoolean()));
    }

    [Theory]
    [InlineData("""{"holidayCountry":"FR-975"}""")]
    [InlineData("""{"holidayCountry":"FR-ALSACE","solidarityDayWorked":true}""")]
    [InlineData("""{"holidayCountry":"FR-ALSACE-MOSELLE-AND-MORE"}""")]
    public async Task An_unknown_region_is_a_400_naming_the_field_and_changes_nothing(string body)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var before = (await admin.GetJsonAsync($"/api/companies/{companyId}")).ToString();

        var response = await admin.Http.PatchAsync($"/api/companies/{companyId}", Json(body));

        await AuthFlowTests.Assert400WithField(response, "holidayCountry");
        Assert.Equal(before, (await admin.GetJsonAsync($"/api/companies/{companyId}")).ToString());
    }

    [Fact]
    public async Task The_problem_for_an_unknown_region_lists_the_supported_ones()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();

        var problem = await (await admin.PatchAsync($"/api/companies/{companyId}", new { holidayCountry = "DE" })).Content.ReadAsStringAsync();

        Assert.Contains("holiday-country-unsupported", problem);
        Assert.Contains("FR-ALSACE-MOSELLE", problem);
        Assert.Contains("FR-976", problem);
    }

    [Fact]
    public async Task A_leave_across_good_friday_costs_one_day_less_in_alsace_moselle()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await admin.CreateCompanyAsync();
        Assert.Equal(5m, await CountAsync(admin, companyId, GoodFridayWeek));

        await admin.PatchAsync($"/api/companies/{companyId}", new { holidayCountry = "FR-ALSACE-MOSELLE" });

        var preview = await admin.GetJsonAsync($"/api/companies/{companyId}/leaves/day-count?{GoodFridayWeek}");
        Assert.Equal(4m, preview.GetProperty("days").GetDecimal());
        Assert.Equal(["2027-03-26 Vendredi saint"], preview.GetProperty("holidays").EnumerateArray()
            .Select(h => $"{h.GetProperty("date").GetString()} {h.GetProperty("name").GetString()}"));
        var leave = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "UNPAID", startDate = "2027-03-22", endDate = "2027-03-26" });
        Assert.Equal(HttpStatusCode.Created, leave.StatusCode);
        Assert.Equal(4m, (await leave.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetDecimal());
    }

    [Fact]
    public async Task The_calendar_lists_the_regions_holidays()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        Assert.DoesNotContain("2026-12-26", await PublicHolidayDatesAsync(admin, companyId, 2026, 12));

        await admin.PatchAsync($"/api/companies/{companyId}", new { holidayCountry = "FR-ALSACE-MOSELLE" });

        Assert.Equal(["2026-12-25", "2026-12-26"], await PublicHolidayDatesAsync(admin, companyId, 2026, 12));
        await admin.PatchAsync($"/api/companies/{companyId}", new { holidayCountry = "FR-974" });
        Assert.Equal(["2026-12-20", "2026-12-25"], await PublicHolidayDatesAsync(admin, companyId, 2026, 12));
    }

    [Fact]
    public async Task A_worked_solidarity_day_makes_whit_monday_a_working_day_in_the_calendar_and_the_count()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        const string whitWeek = "startDate=2027-05-17&endDate=2027-05-21"; // Whit Monday 17 May 2027
        Assert.Equal(4m, await CountAsync(admin, companyId, whitWeek));
        Assert.Contains("2027-05-17", await PublicHolidayDatesAsync(admin, companyId, 2027, 5));

        await admin.PatchAsync($"/api/companies/{companyId}", new { solidarityDayWorked = true });

        Assert.Equal(5m, await CountAsync(admin, companyId, whitWeek));
        Assert.DoesNotContain("2027-05-17", await PublicHolidayDatesAsync(admin, companyId, 2027, 5));
    }

    private static async Task<decimal> CountAsync(ApiSession admin, string companyId, string range) =>
        (await admin.GetJsonAsync($"/api/companies/{companyId}/leaves/day-count?{range}")).GetProperty("days").GetDecimal();

    private static async Task<List<string>> PublicHolidayDatesAsync(ApiSession admin, string companyId, int year, int month) =>
        [.. (await admin.GetJsonAsync($"/api/companies/{companyId}/calendar?year={year}&month={month}")).GetProperty("holidays").EnumerateArray()
            .Where(h => h.GetProperty("kind").GetString() == "public").Select(h => h.GetProperty("date").GetString()!)];
}
