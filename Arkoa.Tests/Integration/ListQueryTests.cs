using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Issue 14 §8 and §14: the counts and the sorting, filtering and searching of the lists that grow (a member's leaves,
/// the company's leaves, the team, a member's balance history), done by the Api in SQL; a bad value is a 400 naming it.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ListQueryTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task A_manager_s_company_counts_the_requests_waiting_on_them_but_not_their_own()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app, annualLeaveDays: 0);
        var monday = TestDates.FebruaryMondayNextYear();
        await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "UNPAID", monday, monday);
        var decided = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "UNPAID", monday.AddDays(7), monday.AddDays(7));
        await app.SetLeaveStatusAsync(decided, "APPROVED");
        await team.Manager.CreateLeaveAsync(team.CompanyId, team.ManagerMembershipId, "UNPAID", monday.AddDays(1), monday.AddDays(1));
        await team.Admin.CreateLeaveAsync(team.CompanyId, team.AdminMembershipId, "UNPAID", monday.AddDays(2), monday.AddDays(2));
        // Another company's request waits on its own managers only.
        var other = await TestCompany.CreateAsync(app);
        await other.Admin.CreateLeaveAsync(other.CompanyId, other.AdminMembershipId, "UNPAID", monday, monday);

        // The employee's and the manager's wait on the admin; the employee's and the admin's on the manager.
        Assert.Equal(2, (await team.Admin.GetJsonAsync(team.Url())).GetProperty("pendingReviews").GetInt32());
        Assert.Equal(2, (await team.Manager.GetJsonAsync(team.Url())).GetProperty("pendingReviews").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await team.Employee.GetJsonAsync(team.Url())).GetProperty("pendingReviews").ValueKind);
        Assert.Equal(0, (await other.Admin.GetJsonAsync(other.Url())).GetProperty("pendingReviews").GetInt32());
    }

    [Fact]
    public async Task A_member_s_leaves_filter_by_type_and_several_statuses_and_sort_by_the_column_asked()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await admin.CreateCompanyAsync();
        var w = TestDates.FebruaryMondayNextYear();
        var a = await admin.CreateLeaveAsync(companyId, membershipId, "SICK", w, w.AddDays(2));            // 3 days
        var b = await admin.CreateLeaveAsync(companyId, membershipId, "UNPAID", w.AddDays(7), w.AddDays(7)); // 1 day
        var c = await admin.CreateLeaveAsync(companyId, membershipId, "SICK", w.AddDays(14), w.AddDays(15)); // 2 days
        await app.SetLeaveStatusAsync(a, "APPROVED");
        await app.SetLeaveStatusAsync(b, "REJECTED");
        var url = $"/api/companies/{companyId}/memberships/{membershipId}/leaves";

        Assert.Equal([c, a], await IdsAsync(admin, $"{url}?type=sick"));
        Assert.Equal([b, a], await IdsAsync(admin, $"{url}?status=APPROVED,REJECTED"));
        Assert.Equal([a], await IdsAsync(admin, $"{url}?status=APPROVED,REJECTED&type=SICK"));
        Assert.Equal([a, b, c], await IdsAsync(admin, $"{url}?sort=start"));
        Assert.Equal([c, b, a], await IdsAsync(admin, $"{url}?sort=start&dir=desc"));
        Assert.Equal([b, c, a], await IdsAsync(admin, $"{url}?sort=days"));
        Assert.Equal([a, c, b], await IdsAsync(admin, $"{url}?sort=DAYS&dir=DESC"));
        Assert.Equal([a, b, c], await IdsAsync(admin, $"{url}?sort=requested"));
        // The page keeps the sort: the second page goes on where the first stopped.
        Assert.Equal([c], await IdsAsync(admin, $"{url}?sort=start&page=2&pageSize=2"));
    }

    [Fact]
    public async Task The_company_s_leaves_search_a_member_by_name_and_sort_by_member_days_and_decision()
    {
        var team = await TestCompany.CreateAsync(app);
        var (zoe, zoeId) = await team.AddMemberAsync(app, name: "Zoé Dupont");
        var (max, maxId) = await team.AddMemberAsync(app, name: "Max 100%_Martin");
        var w = TestDates.FebruaryMondayNextYear();
        var z1 = await zoe.CreateLeaveAsync(team.CompanyId, zoeId, "UNPAID", w, w.AddDays(1));
        var m1 = await max.CreateLeaveAsync(team.CompanyId, maxId, "UNPAID", w.AddDays(7), w.AddDays(7));
        var z2 = await zoe.CreateLeaveAsync(team.CompanyId, zoeId, "SICK", w.AddDays(14), w.AddDays(16));
        await ReviewAsync(team, m1, "REJECTED");
        await ReviewAsync(team, z1, "APPROVED");
        var url = team.Url("/leaves");

        Assert.Equal([z1, z2], await IdsAsync(team.Admin, $"{url}?q=ZOÉ&sort=start"));
        Assert.Equal([z1, z2], await IdsAsync(team.Admin, $"{url}?q=%20%20dupont%20&sort=start"));
        // Wildcards typed in the search match themselves only.
        Assert.Equal([m1], await IdsAsync(team.Admin, $"{url}?q={Uri.EscapeDataString("100%_")}"));
        Assert.Empty(await IdsAsync(team.Admin, $"{url}?q={Uri.EscapeDataString("%")}x"));
        Assert.Empty(await IdsAsync(team.Admin, $"{url}?q=_ax"));
        Assert.Equal([z2], await IdsAsync(team.Admin, $"{url}?q=zo&type=SICK"));

        Assert.Equal([m1, z2, z1], await IdsAsync(team.Admin, $"{url}?sort=member&dir=asc"));
        Assert.Equal([z2, z1, m1], await IdsAsync(team.Admin, $"{url}?sort=days&dir=desc"));
        // The decisions, the latest first; the undecided request last either way.
        Assert.Equal([z1, m1, z2], await IdsAsync(team.Admin, $"{url}?sort=decided&dir=desc"));
        Assert.Equal([m1, z1, z2], await IdsAsync(team.Admin, $"{url}?sort=decided"));
        Assert.Equal([z1, m1], await IdsAsync(team.Admin, $"{url}?status=APPROVED,REJECTED&sort=decided&dir=desc"));
        // Each manager's filtered page is its own cached view: an unfiltered read after a filtered one is whole.
        Assert.Equal(3, (await team.Admin.GetJsonAsync(url)).GetProperty("total").GetInt32());
    }

    /// <summary>
    /// Issue 14 §14: French names are found however they are typed, accents and case ignored in both directions (the
    /// name stored with accents or without, the search typed with or without), the ligature Œ as "oe" too.
    /// </summary>
    [Fact]
    public async Task The_company_s_leaves_search_ignores_accents_and_case_both_ways()
    {
        var team = await TestCompany.CreateAsync(app);
        var (accented, accentedId) = await team.AddMemberAsync(app, name: "Hélène Dupré");
        var (plain, plainId) = await team.AddMemberAsync(app, name: "helene martin");
        var (zoe, zoeId) = await team.AddMemberAsync(app, name: "Zoé Œuvray");
        var w = TestDates.FebruaryMondayNextYear();
        var h1 = await accented.CreateLeaveAsync(team.CompanyId, accentedId, "UNPAID", w, w);
        var h2 = await plain.CreateLeaveAsync(team.CompanyId, plainId, "UNPAID", w.AddDays(7), w.AddDays(7));
        var z = await zoe.CreateLeaveAsync(team.CompanyId, zoeId, "UNPAID", w.AddDays(14), w.AddDays(14));
        var url = team.Url("/leaves");
        async Task<List<string>> FoundAsync(string typed) => await IdsAsync(team.Admin, $"{url}?q={Uri.EscapeDataString(typed)}&sort=start&dir=asc");

        Assert.Equal([h1, h2], await FoundAsync("helene"));
        Assert.Equal([h1, h2], await FoundAsync("HÉLÈNE"));
        Assert.Equal([h1, h2], await FoundAsync("Hélène"));
        Assert.Equal([h1], await FoundAsync("dupre"));
        Assert.Equal([h1], await FoundAsync("DUPRÉ"));
        Assert.Equal([z], await FoundAsync("zoe"));
        Assert.Equal([z], await FoundAsync("ZOE"));
        Assert.Equal([z], await FoundAsync("oeuvray"));
        Assert.Equal([z], await FoundAsync("œuvray"));
        Assert.Empty(await FoundAsync("helena"));
    }

    [Fact]
    public async Task The_members_search_ignores_accents_and_case_for_managers_and_colleagues()
    {
        var team = await TestCompany.CreateAsync(app);
        var (colleague, _) = await team.AddMemberAsync(app, name: "helene martin");
        var (_, accentedId) = await team.AddMemberAsync(app, name: "Hélène Dupré");
        var (_, zoeId) = await team.AddMemberAsync(app, name: "Zoé Œuvray");
        var url = team.Url("/memberships");

        Assert.Contains(accentedId, await IdsAsync(team.Admin, $"{url}?q=helene"));
        Assert.Equal([accentedId], await IdsAsync(team.Admin, $"{url}?q={Uri.EscapeDataString("DUPRÉ")}"));
        Assert.Equal([zoeId], await IdsAsync(team.Admin, $"{url}?q=oeuvray"));
        // A colleague searches names only, the same way.
        Assert.Equal([zoeId], await IdsAsync(colleague, $"{url}?q=ZOE"));
        Assert.Empty(await IdsAsync(team.Admin, $"{url}?q=helena"));
    }

    [Fact]
    public async Task The_team_filters_by_role_and_state_searches_names_and_addresses_and_sorts()
    {
        var team = await TestCompany.CreateAsync(app);
        var (bob, bobId) = await team.AddMemberAsync(app, name: "Bob Zed");
        var (_, cyd) = await team.AddMemberAsync(app, "MANAGER", name: "Cyd Young");
        var (_, dan) = await team.AddMemberAsync(app, name: "Dan Xavier");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await team.Admin.PatchAsync(team.Url($"/memberships/{dan}"), new { active = false })).StatusCode);
        var url = team.Url("/memberships");

        Assert.Equal([team.AdminMembershipId, bobId, cyd, dan], await IdsAsync(team.Admin, url));
        Assert.Equal([dan, cyd, bobId, team.AdminMembershipId], await IdsAsync(team.Admin, $"{url}?sort=name&dir=desc"));
        Assert.Equal([cyd], await IdsAsync(team.Admin, $"{url}?role=manager"));
        Assert.Equal([dan], await IdsAsync(team.Admin, $"{url}?active=false"));
        Assert.Equal([bobId, dan], await IdsAsync(team.Admin, $"{url}?role=EMPLOYEE"));
        Assert.Equal([bobId], await IdsAsync(team.Admin, $"{url}?q=zed"));
        // A manager also finds a member by their address.
        var bobEmail = bob.Email;
        Assert.Equal([bobId], await IdsAsync(team.Admin, $"{url}?q={Uri.EscapeDataString(bobEmail.ToUpperInvariant())}"));

        // An employee sees active colleagues only and searches names, never addresses.
        Assert.Equal([bobId], await IdsAsync(bob, $"{url}?q=bob"));
        Assert.Empty(await IdsAsync(bob, $"{url}?q={Uri.EscapeDataString(bobEmail)}"));
        Assert.Empty(await IdsAsync(bob, $"{url}?q=xavier"));
        Assert.Equal([cyd, bobId, team.AdminMembershipId], await IdsAsync(bob, $"{url}?sort=name&dir=desc"));
    }

    [Fact]
    public async Task The_balance_history_filters_by_type_and_kind_and_sorts_by_date_or_change()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 0);
        var (_, eveId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, eveId, "PAID", 5);
        await team.Admin.CreditAsync(team.CompanyId, eveId, "RTT", 2);
        await team.Admin.CreditAsync(team.CompanyId, eveId, "PAID", 1);
        var url = team.Url($"/memberships/{eveId}/leave-balance-history");

        var all = await ChangesAsync(team.Admin, url);
        Assert.Equal([1m, 2m, 5m], all.Take(3));
        Assert.Equal([1m, 5m], await ChangesAsync(team.Admin, $"{url}?type=PAID&historyType=MANUEL_CREDIT"));
        Assert.Equal([5m, 1m], await ChangesAsync(team.Admin, $"{url}?type=PAID&historyType=MANUEL_CREDIT&sort=date"));
        Assert.Equal([1m, 2m, 5m], await ChangesAsync(team.Admin, $"{url}?historyType=MANUEL_CREDIT&sort=change"));
        Assert.Equal([5m, 2m, 1m], await ChangesAsync(team.Admin, $"{url}?historyType=MANUEL_CREDIT&sort=change&dir=desc"));
        Assert.Empty(await ChangesAsync(team.Admin, $"{url}?historyType=EXPIRATION"));
    }

    [Theory]
    [InlineData("leaves", "sort=name", "sort")]
    [InlineData("leaves", "sort=start&dir=up", "dir")]
    [InlineData("leaves", "type=HOLI-DAY", "type")]
    [InlineData("leaves", "status=APPROVED,NOPE", "status")]
    [InlineData("company", "sort=email", "sort")]
    [InlineData("company", "dir=sideways", "dir")]
    [InlineData("company", "type=7", "type")]
    [InlineData("company", "status=PENDING,", null)]
    [InlineData("members", "role=BOSS", "role")]
    [InlineData("members", "active=yes", "active")]
    [InlineData("members", "sort=start", "sort")]
    [InlineData("history", "historyType=GIFT", "historyType")]
    [InlineData("history", "type=GIFT%21", "type")]
    [InlineData("history", "sort=name", "sort")]
    public async Task Bad_list_parameters_are_a_400_naming_the_field(string list, string query, string? field)
    {
        var team = await TestCompany.CreateAsync(app);
        var url = list switch
        {
            "leaves" => team.LeavesUrl(team.AdminMembershipId),
            "company" => team.Url("/leaves"),
            "members" => team.Url("/memberships"),
            _ => team.Url($"/memberships/{team.AdminMembershipId}/leave-balance-history"),
        };

        var response = await team.Admin.Http.GetAsync($"{url}?{query}");
        if (field is null) Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode); // an empty item is no status to refuse
        else await response.AssertFieldErrorAsync(field);
    }

    [Theory]
    [InlineData("/leaves")]
    [InlineData("/memberships")]
    public async Task A_search_longer_than_a_hundred_characters_is_a_400_naming_q(string path)
    {
        var team = await TestCompany.CreateAsync(app);

        await (await team.Admin.Http.GetAsync(team.Url($"{path}?q={new string('a', 101)}"))).AssertFieldErrorAsync("q");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await team.Admin.Http.GetAsync(team.Url($"{path}?q={new string('a', 100)}"))).StatusCode);
    }

    private static async Task ReviewAsync(TestCompany team, string leaveId, string status) =>
        Assert.Equal(System.Net.HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status, managerNote = "Seen" })).StatusCode);

    private static async Task<List<string>> IdsAsync(ApiSession session, string url) => (await session.GetJsonAsync(url)).ItemIds();

    private static async Task<List<decimal>> ChangesAsync(ApiSession session, string url) =>
        (await session.GetJsonAsync(url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("change").GetDecimal()).ToList();
}
