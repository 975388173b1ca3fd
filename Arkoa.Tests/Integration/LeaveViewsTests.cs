using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>The read-only leave views of SPEC §5: a member's filtered list, the company list, leave stats and company stats.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class LeaveViewsTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task A_member_s_leaves_filter_by_status_and_by_the_days_they_share_with_the_range()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await admin.CreateCompanyAsync();
        var week0 = TestDates.FebruaryMondayNextYear();
        var a = await admin.CreateLeaveAsync(companyId, membershipId, "SICK", week0, week0.AddDays(4));
        var b = await admin.CreateLeaveAsync(companyId, membershipId, "SICK", week0.AddDays(14), week0.AddDays(16));
        var c = await admin.CreateLeaveAsync(companyId, membershipId, "UNPAID", week0.AddDays(28), week0.AddDays(28));
        await app.SetLeaveStatusAsync(b, "APPROVED");
        var url = $"/api/companies/{companyId}/memberships/{membershipId}/leaves";

        Assert.Equal([c, b, a], await IdsAsync(admin, url));
        Assert.Equal([b], await IdsAsync(admin, $"{url}?status=APPROVED"));
        Assert.Equal([c, a], await IdsAsync(admin, $"{url}?status=pending"));
        // A leave matches when it shares at least one day with [from, to], both ends included.
        Assert.Equal([a], await IdsAsync(admin, $"{url}?from={week0.AddDays(4).Iso()}&to={week0.AddDays(13).Iso()}"));
        Assert.Equal([c, b], await IdsAsync(admin, $"{url}?from={week0.AddDays(5).Iso()}"));
        Assert.Equal([b, a], await IdsAsync(admin, $"{url}?to={week0.AddDays(14).Iso()}"));
        Assert.Equal([b], await IdsAsync(admin, $"{url}?status=APPROVED&from={week0.Iso()}&to={week0.AddDays(30).Iso()}"));
        Assert.Empty(await IdsAsync(admin, $"{url}?status=REJECTED"));

        var page = await admin.Http.GetFromJsonAsync<JsonElement>($"{url}?page=2&pageSize=2");
        Assert.Equal([a], page.ItemIds());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("status=NOPE", "status")]
    [InlineData("status=1", "status")]
    [InlineData("from=2027-02-30", "from")]
    [InlineData("to=tomorrow", "to")]
    [InlineData("from=2027-03-01&to=2027-02-28", "to")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task Bad_filters_are_400_naming_the_field_on_both_leave_lists(string query, string field)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await admin.CreateCompanyAsync();

        await (await admin.Http.GetAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves?{query}")).AssertFieldErrorAsync(field);
        await (await admin.Http.GetAsync($"/api/companies/{companyId}/leaves?{query}")).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task An_employee_sees_their_own_leaves_but_not_a_colleague_s()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, adminMembershipId) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app);
        var employeeMembershipId = await app.AddMemberAsync(companyId, employee);
        var monday = TestDates.FebruaryMondayNextYear();
        var own = await employee.CreateLeaveAsync(companyId, employeeMembershipId, "SICK", monday, monday);
        // The colleague has leaves and balances to hide, so a refusal cannot come from an empty answer alone.
        await admin.CreateLeaveAsync(companyId, adminMembershipId, "SICK", monday, monday);

        Assert.Equal([own], await IdsAsync(employee, $"/api/companies/{companyId}/memberships/{employeeMembershipId}/leaves?status=PENDING"));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await employee.Http.GetAsync($"/api/companies/{companyId}/memberships/{adminMembershipId}/leaves")).StatusCode);
        var adminBalances = $"/api/companies/{companyId}/memberships/{adminMembershipId}/leave-balances";
        Assert.NotEmpty(await admin.Http.GetFromJsonAsync<List<JsonElement>>(adminBalances) ?? []);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.Http.GetAsync(adminBalances)).StatusCode);
        Assert.Equal([own], await IdsAsync(admin, $"/api/companies/{companyId}/memberships/{employeeMembershipId}/leaves"));
    }

    [Fact]
    public async Task The_company_list_shows_pending_first_the_earliest_start_first_then_the_latest_start_with_member_names()
    {
        var team = await SeedTeamAsync();
        var url = $"/api/companies/{team.CompanyId}/leaves";

        // Issue 14 §8: the request that starts soonest is the one to decide first; decided leaves, the latest first.
        var page = await team.Admin.Http.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal([team.E0, team.L1, team.A6, team.E8, team.E4, team.L3, team.A2], page.ItemIds());
        Assert.Equal(7, page.GetProperty("total").GetInt32());
        var first = page.GetProperty("items")[2];
        Assert.Equal("Camille Admin", first.GetProperty("memberName").GetString());
        Assert.Equal(team.AdminMembershipId, first.GetProperty("membershipId").GetString());
        Assert.Equal("UNPAID", first.GetProperty("type").GetString());
        Assert.Equal("PENDING", first.GetProperty("status").GetString());
        Assert.Equal(1m, first.GetProperty("days").GetDecimal());
        var employeeLeave = page.GetProperty("items")[0];
        Assert.Equal("Dominique Employee", employeeLeave.GetProperty("memberName").GetString());
        Assert.Equal(team.EmployeeMembershipId, employeeLeave.GetProperty("membershipId").GetString());
        Assert.Equal(team.Week0.Iso(), employeeLeave.GetProperty("startDate").GetString());
        Assert.Equal(team.Week0.AddDays(1).Iso(), employeeLeave.GetProperty("endDate").GetString());
        Assert.Equal(2m, employeeLeave.GetProperty("days").GetDecimal());

        Assert.Equal([team.E0, team.L1, team.A6], (await team.Admin.Http.GetFromJsonAsync<JsonElement>($"{url}?status=PENDING")).ItemIds());
        Assert.Equal([team.E4], (await team.Admin.Http.GetFromJsonAsync<JsonElement>($"{url}?status=REJECTED")).ItemIds());
        Assert.Equal([team.E4, team.L3, team.A2],
            (await team.Admin.Http.GetFromJsonAsync<JsonElement>($"{url}?from={team.Week0.AddDays(14).Iso()}&to={team.Week0.AddDays(28).Iso()}")).ItemIds());
        var second = await team.Admin.Http.GetFromJsonAsync<JsonElement>($"{url}?page=2&pageSize=3");
        Assert.Equal([team.E8, team.E4, team.L3], second.ItemIds());
        Assert.Equal(7, second.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_company_list_names_who_decided_each_leave()
    {
        var admin = await ApiSession.SignUpAsync(app, "Camille Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Dominique Employee");
        var employeeId = await app.AddMemberAsync(companyId, employee);
        var w = TestDates.FebruaryMondayNextYear();
        var decided = await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w, w);
        var waiting = await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w.AddDays(7), w.AddDays(7));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{decided}/review",
            new { status = "REJECTED", managerNote = "Closing week" })).StatusCode);

        var items = (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/leaves")).GetProperty("items").EnumerateArray().ToList();
        var rejected = Assert.Single(items, i => i.GetProperty("id").GetString() == decided);
        Assert.Equal("Camille Admin", rejected.GetProperty("reviewedByName").GetString());
        Assert.NotEqual(JsonValueKind.Null, rejected.GetProperty("reviewedAt").ValueKind);
        var pending = Assert.Single(items, i => i.GetProperty("id").GetString() == waiting);
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("reviewedByName").ValueKind);
    }

    [Fact]
    public async Task Leave_stats_count_each_status_of_the_active_members()
    {
        var team = await SeedTeamAsync();

        var stats = await team.Admin.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{team.CompanyId}/leaves/stats");

        // The deactivated member's two leaves (one pending, one approved) no longer count (SPEC §1).
        Assert.Equal(5, stats.GetProperty("totalLeaves").GetInt32());
        Assert.Equal(2, stats.GetProperty("pendingLeaves").GetInt32());
        Assert.Equal(1, stats.GetProperty("approvedLeaves").GetInt32());
        Assert.Equal(1, stats.GetProperty("rejectedLeaves").GetInt32());
        Assert.Equal(1, stats.GetProperty("canceledLeaves").GetInt32());
    }

    [Fact]
    public async Task Company_stats_count_active_members_who_are_away_today_pending_requests_and_the_average_paid_balance()
    {
        var admin = await ApiSession.SignUpAsync(app, "Stats Admin");
        var (companyId, adminMembershipId) = await admin.CreateCompanyAsync();
        var first = await app.AddMemberAsync(companyId, await ApiSession.SignUpAsync(app));
        var second = await app.AddMemberAsync(companyId, await ApiSession.SignUpAsync(app));
        var leaver = await app.AddMemberAsync(companyId, await ApiSession.SignUpAsync(app));
        await app.SetBalanceAsync(adminMembershipId, "PAID", 10m);
        await admin.CreditAsync(companyId, first, "PAID", 5.5m);
        await admin.CreditAsync(companyId, leaver, "PAID", 30m);
        var today = ParisToday();
        var nextFebruary = TestDates.FebruaryMondayNextYear();

        // Managers may record leaves around today for anyone (backfill).
        await app.SetLeaveStatusAsync(await admin.CreateLeaveAsync(companyId, first, "SICK", today.AddDays(-7), today.AddDays(7)), "APPROVED");
        await app.SetLeaveStatusAsync(await admin.CreateLeaveAsync(companyId, adminMembershipId, "SICK", today.AddDays(-3), today.AddDays(3)), "APPROVED");
        await admin.CreateLeaveAsync(companyId, second, "SICK", today.AddDays(-7), today.AddDays(7));
        await admin.CreateLeaveAsync(companyId, adminMembershipId, "UNPAID", nextFebruary, nextFebruary);
        await app.SetLeaveStatusAsync(await admin.CreateLeaveAsync(companyId, leaver, "SICK", today.AddDays(-7), today.AddDays(7)), "APPROVED");
        await admin.CreateLeaveAsync(companyId, leaver, "UNPAID", nextFebruary, nextFebruary);
        await app.DeactivateAsync(leaver);

        var stats = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/stats");

        Assert.Equal(3, stats.GetProperty("totalEmployees").GetInt32());
        Assert.Equal(2, stats.GetProperty("employeesOnLeave").GetInt32());
        Assert.Equal(2, stats.GetProperty("pendingRequests").GetInt32());
        // (10 + 5.5 + 0) / 3 = 5.1666…: the member without a PAID row counts as 0; the deactivated one not at all.
        Assert.Equal(5.2m, stats.GetProperty("averageLeaveBalance").GetDecimal());
    }

    [Fact]
    public async Task Manager_views_need_a_session_and_a_manager_of_that_company()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app);
        await app.AddMemberAsync(companyId, employee);
        var outsider = await ApiSession.SignUpAsync(app);
        await outsider.CreateCompanyAsync();

        foreach (var path in new[] { "leaves", "leaves/stats", "stats" })
        {
            var url = $"/api/companies/{companyId}/{path}";
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await app.Api().GetAsync($"/api/companies/{companyId}/memberships/{Guid.NewGuid()}/leaves")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await outsider.Http.GetAsync($"/api/companies/{companyId}/memberships/{Guid.NewGuid()}/leaves")).StatusCode);
    }

    private static async Task<List<string>> IdsAsync(ApiSession session, string url) =>
        (await session.Http.GetFromJsonAsync<JsonElement>(url)).ItemIds();

    private static DateOnly ParisToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

    private sealed record Team(
        ApiSession Admin, string CompanyId, string AdminMembershipId, string EmployeeMembershipId, DateOnly Week0,
        string E0, string A2, string E4, string A6, string E8, string L1, string L3);

    /// <summary>
    /// An admin, an employee and a member deactivated after asking for leave; leaves named by owner
    /// (Admin, Employee, Leaver) and by the week they start in after the first Monday of next February.
    /// </summary>
    private async Task<Team> SeedTeamAsync()
    {
        var admin = await ApiSession.SignUpAsync(app, "Camille Admin");
        var (companyId, adminId) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Dominique Employee");
        var employeeId = await app.AddMemberAsync(companyId, employee);
        var leaver = await ApiSession.SignUpAsync(app, "Lou Leaver");
        var leaverId = await app.AddMemberAsync(companyId, leaver);
        var w = TestDates.FebruaryMondayNextYear();

        var e0 = await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w, w.AddDays(1));
        var a2 = await admin.CreateLeaveAsync(companyId, adminId, "SICK", w.AddDays(14), w.AddDays(14));
        var e4 = await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w.AddDays(28), w.AddDays(28));
        var a6 = await admin.CreateLeaveAsync(companyId, adminId, "UNPAID", w.AddDays(42), w.AddDays(42));
        var e8 = await employee.CreateLeaveAsync(companyId, employeeId, "UNPAID", w.AddDays(50), w.AddDays(50));
        var l1 = await leaver.CreateLeaveAsync(companyId, leaverId, "SICK", w.AddDays(7), w.AddDays(7));
        var l3 = await leaver.CreateLeaveAsync(companyId, leaverId, "SICK", w.AddDays(21), w.AddDays(21));
        await app.SetLeaveStatusAsync(a2, "APPROVED");
        await app.SetLeaveStatusAsync(e4, "REJECTED");
        await app.SetLeaveStatusAsync(e8, "CANCELED");
        await app.SetLeaveStatusAsync(l3, "APPROVED");
        await app.DeactivateAsync(leaverId);

        // Another company's leaves never show.
        var other = await ApiSession.SignUpAsync(app);
        var (otherCompanyId, otherMembershipId) = await other.CreateCompanyAsync();
        await other.CreateLeaveAsync(otherCompanyId, otherMembershipId, "SICK", w, w);

        return new Team(admin, companyId, adminId, employeeId, w, e0, a2, e4, a6, e8, l1, l3);
    }
}
