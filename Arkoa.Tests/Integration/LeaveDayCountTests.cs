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

    [Fact]
    public async Task The_preview_names_what_it_left_out_and_the_balance_after_the_request()
    {
        var team = await TestCompany.CreateAsync(app);
        var (employee, membershipId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 3.5m);
        // Thursday 24 to Saturday 26 December 2026: Christmas (a Friday) and the Saturday are left out.
        var christmasWeek = "startDate=2026-12-24&endDate=2026-12-26";

        var paid = await PreviewAsync(employee, team.CompanyId, $"{christmasWeek}&type=PAID");
        Assert.Equal(1m, paid.GetProperty("days").GetDecimal());
        Assert.Equal(1, paid.GetProperty("nonWorkingDays").GetInt32());
        var christmas = Assert.Single(paid.GetProperty("holidays").EnumerateArray());
        Assert.Equal(("2026-12-25", "Noël", "public"),
            (christmas.GetProperty("date").GetString(), christmas.GetProperty("name").GetString(), christmas.GetProperty("kind").GetString()));
        var balance = paid.GetProperty("balance");
        Assert.Equal(("PAID", 3.5m, 2.5m),
            (balance.GetProperty("type").GetString(), balance.GetProperty("remainingDays").GetDecimal(), balance.GetProperty("afterDays").GetDecimal()));

        // A type without a balance, or no type, has no balance after; a range of only days off counts 0 and still answers.
        Assert.Equal(JsonValueKind.Null, (await PreviewAsync(employee, team.CompanyId, $"{christmasWeek}&type=SICK")).GetProperty("balance").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await PreviewAsync(employee, team.CompanyId, christmasWeek)).GetProperty("balance").ValueKind);
        var weekend = await PreviewAsync(employee, team.CompanyId, "startDate=2026-12-25&endDate=2026-12-27&type=PAID");
        Assert.Equal((0m, 3.5m), (weekend.GetProperty("days").GetDecimal(), weekend.GetProperty("balance").GetProperty("afterDays").GetDecimal()));
    }

    [Fact]
    public async Task Over_the_balance_the_balance_after_is_negative_and_an_edit_gives_its_own_days_back_first()
    {
        var team = await TestCompany.CreateAsync(app);
        var (employee, membershipId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 3);
        var monday = TestDates.FebruaryMondayNextYear();
        var pendingId = await employee.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday.AddDays(1));
        var wholeWeek = $"startDate={monday.Iso()}&endDate={monday.AddDays(4).Iso()}&type=PAID";

        // 1 day left after the pending 2: a new week does not fit, by 4 days.
        Assert.Equal(-4m, (await PreviewAsync(employee, team.CompanyId, wholeWeek)).GetProperty("balance").GetProperty("afterDays").GetDecimal());
        // Editing the pending leave into that week gives its 2 days back first, as the edit itself would.
        var edit = await PreviewAsync(employee, team.CompanyId, $"{wholeWeek}&leaveId={pendingId}");
        Assert.Equal((1m, -2m), (edit.GetProperty("balance").GetProperty("remainingDays").GetDecimal(), edit.GetProperty("balance").GetProperty("afterDays").GetDecimal()));
        // Into another type, nothing of the PAID leave comes back to RTT.
        var asRtt = await PreviewAsync(employee, team.CompanyId, $"startDate={monday.Iso()}&endDate={monday.Iso()}&type=RTT&leaveId={pendingId}");
        Assert.Equal(-1m, asRtt.GetProperty("balance").GetProperty("afterDays").GetDecimal());
    }

    [Fact]
    public async Task A_manager_sees_a_members_balance_after_and_nobody_else_does()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app, annualLeaveDays: 0);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 5);
        var range = "startDate=2027-02-01&endDate=2027-02-02&type=PAID";

        var forMember = await PreviewAsync(team.Manager, team.CompanyId, $"{range}&membershipId={team.EmployeeMembershipId}");
        Assert.Equal(3m, forMember.GetProperty("balance").GetProperty("afterDays").GetDecimal());

        // A peer may not read it, and a manager elsewhere reaches neither the company nor, through theirs, this member.
        var peer = await team.Employee.Http.GetAsync(team.Url($"/leaves/day-count?{range}&membershipId={team.ManagerMembershipId}"));
        Assert.Equal(HttpStatusCode.Forbidden, peer.StatusCode);
        var other = await TestCompany.CreateAsync(app);
        var foreign = await other.Admin.Http.GetAsync(other.Url($"/leaves/day-count?{range}&membershipId={team.EmployeeMembershipId}"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.GetAsync(team.Url($"/leaves/day-count?{range}"))).StatusCode);
    }

    [Theory]
    [InlineData("endDate=2027-02-01", "startDate")]
    [InlineData("startDate=2027-02-01", "endDate")]
    [InlineData("startDate=2027-02-30&endDate=2027-03-01", "startDate")]
    [InlineData("startDate=2027-02-03&endDate=2027-02-01", "endDate")]
    [InlineData("startDate=2027-02-01&endDate=2027-02-01&startHalf=EVENING", "startHalf")]
    [InlineData("startDate=2027-02-01&endDate=2027-02-01&startHalf=AFTERNOON&endHalf=MORNING", "endHalf")]
    [InlineData("startDate=2027-02-01&endDate=2027-02-01&type=HOLI-DAY", "type")]
    [InlineData("startDate=2027-02-01&endDate=2027-02-01&type=PAID&membershipId=me", "membershipId")]
    [InlineData("startDate=2027-02-01&endDate=2027-02-01&type=PAID&leaveId=not-a-uuid", "leaveId")]
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

    private static async Task<JsonElement> PreviewAsync(ApiSession session, string companyId, string query)
    {
        var response = await session.Http.GetAsync($"/api/companies/{companyId}/leaves/day-count?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<decimal> CountAsync(ApiSession session, string companyId, string query)
    {
        var response = await session.Http.GetAsync($"/api/companies/{companyId}/leaves/day-count?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetDecimal();
    }
}
