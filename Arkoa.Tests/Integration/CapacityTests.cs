using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;
using static Arkoa.Tests.Integration.TeamTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Capacity through the Api (SPEC §12): a team's coverage rule and its days, blackout periods refusing or warning about
/// requests of their types for the company or a team and its sub-teams, what the request form is told before sending,
/// and nobody but an admin of the company setting any of it, with problems naming the field and nothing changed.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class CapacityTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static readonly DateOnly Monday = TestDates.FebruaryMondayNextYear();

    private sealed record Shop(Team Company, string Floor, string FloorNight, string Office, string AnnId, ApiSession Ann, string BobId, string CidId, string DeeId);

    /// <summary>Floor (Ann, Bob, the employee) with a sub-team Floor Night (Cid); Office (Dee) apart.</summary>
    private async Task<Shop> ShopAsync()
    {
        var company = await CreateTeamAsync(app);
        var (admin, id) = (company.Admin, company.CompanyId);
        var floor = await admin.AddTeamAsync(id, "Floor");
        var night = await admin.AddTeamAsync(id, "Floor Night", floor);
        var office = await admin.AddTeamAsync(id, "Office");
        var (ann, annId) = await JoinAsync(company, "Ann Floor");
        var (_, bobId) = await JoinAsync(company, "Bob Floor");
        var (_, cidId) = await JoinAsync(company, "Cid Night");
        var (_, deeId) = await JoinAsync(company, "Dee Office");
        foreach (var member in new[] { annId, bobId, company.EmployeeMembershipId }) await admin.JoinTeamAsync(id, floor, member, isPrimary: true);
        await admin.JoinTeamAsync(id, night, cidId, isPrimary: true);
        await admin.JoinTeamAsync(id, office, deeId, isPrimary: true);
        return new Shop(company, floor, night, office, annId, ann, bobId, cidId, deeId);
    }

    private async Task<(ApiSession Session, string MembershipId)> JoinAsync(Team company, string name)
    {
        var member = await ApiSession.SignUpAsync(app, name);
        return (member, await company.Admin.AddMemberAsync(company.CompanyId, member));
    }

    private static string CapacityUrl(Team company, string teamId, string query = "") =>
        TeamsUrl(company.CompanyId, $"/{teamId}/capacity?from={Monday.Iso()}{query}");

    private static string BlackoutsUrl(Team company, string path = "") => $"/api/companies/{company.CompanyId}/blackout-periods{path}";

    private static JsonElement Day(JsonElement capacity, DateOnly date) =>
        capacity.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == date.Iso());

    /// <summary>Approves as the admin, over the team's coverage rule if need be (setting up the days a test looks at).</summary>
    private static async Task ApproveAsync(Team company, string leaveId) =>
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.Http.PostAsJsonAsync(company.ReviewUrl(leaveId),
            new { status = "APPROVED", overrideCoverage = true, managerNote = "Set up by the test" })).StatusCode);

    [Fact]
    public async Task A_team_minimum_counts_its_sub_teams_and_the_capacity_view_shows_present_absent_and_breaches_per_day()
    {
        var shop = await ShopAsync();
        var (company, admin, id) = (shop.Company, shop.Company.Admin, shop.Company.CompanyId);
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{shop.Floor}/coverage"), new { minimumPresent = 3 })).StatusCode);
        // Ann away Monday–Tuesday (approved), Cid (Floor Night) Tuesday (approved), Bob Tuesday morning (pending).
        await ApproveAsync(company, await admin.CreateLeaveAsync(id, shop.AnnId, "UNPAID", Monday, Monday.AddDays(1)));
        await ApproveAsync(company, await admin.CreateLeaveAsync(id, shop.CidId, "UNPAID", Monday.AddDays(1), Monday.AddDays(1)));
        await admin.CreateLeaveAsync(id, shop.BobId, "UNPAID", Monday.AddDays(1), Monday.AddDays(1), endHalf: "MORNING");

        var capacity = await company.Employee.GetJsonAsync(CapacityUrl(company, shop.Floor, "&weeks=1"));

        Assert.Equal(7, capacity.GetProperty("days").GetArrayLength());
        Assert.Equal(3, capacity.GetProperty("minimumPresent").GetInt32());
        var monday = Day(capacity, Monday);
        Assert.Equal((4, 1, 3, false), (monday.GetProperty("headcount").GetInt32(), monday.GetProperty("absent").GetInt32(),
            monday.GetProperty("present").GetInt32(), monday.GetProperty("breached").GetBoolean()));
        var tuesday = Day(capacity, Monday.AddDays(1));
        Assert.Equal((2, true, 1, true), (tuesday.GetProperty("present").GetInt32(), tuesday.GetProperty("breached").GetBoolean(),
            tuesday.GetProperty("presentWithPending").GetInt32(), tuesday.GetProperty("breachedWithPending").GetBoolean()));
        var saturday = Day(capacity, Monday.AddDays(5));
        Assert.False(saturday.GetProperty("workingDay").GetBoolean());
        Assert.False(saturday.GetProperty("breached").GetBoolean());
        // The rule shows on the team list for the Web's form; the default view is 8 weeks from the company's today.
        Assert.Equal(3, (await admin.GetJsonAsync(TeamsUrl(id))).EnumerateArray().Single(t => t.GetProperty("id").GetString() == shop.Floor)
            .GetProperty("minimumPresent").GetInt32());
        Assert.Equal(56, (await company.Employee.GetJsonAsync(TeamsUrl(id, $"/{shop.Office}/capacity"))).GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task Only_an_admin_sets_a_coverage_rule_with_counts_in_range_and_nobody_outside_reads_a_team_capacity()
    {
        var shop = await ShopAsync();
        var (company, admin, id) = (shop.Company, shop.Company.Admin, shop.Company.CompanyId);
        var coverage = TeamsUrl(id, $"/{shop.Floor}/coverage");

        Assert.Equal("admin-only-teams", await (await company.Manager.Http.PutAsJsonAsync(coverage, new { minimumPresent = 1 })).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("admin-only-teams", await (await company.Employee.Http.PutAsJsonAsync(coverage, new { minimumPresent = 1 })).ProblemCodeAsync(HttpStatusCode.Forbidden));
        await (await admin.Http.PutAsJsonAsync(coverage, new { minimumPresent = 0 })).AssertFieldErrorAsync("minimumPresent");
        await (await admin.Http.PutAsJsonAsync(coverage, new { maximumAbsent = -1 })).AssertFieldErrorAsync("maximumAbsent");
        await (await admin.Http.PutAsJsonAsync(coverage, new { minimumPresent = "three" })).AssertFieldErrorAsync("minimumPresent");
        Assert.Equal("team-not-found", await (await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{Guid.NewGuid()}/coverage"), new { minimumPresent = 1 }))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        var floor = (await admin.GetJsonAsync(TeamsUrl(id))).EnumerateArray().Single(t => t.GetProperty("id").GetString() == shop.Floor);
        Assert.Equal(JsonValueKind.Null, floor.GetProperty("minimumPresent").ValueKind);
        Assert.Equal(JsonValueKind.Null, floor.GetProperty("maximumAbsent").ValueKind);

        await (await company.Employee.Http.GetAsync(CapacityUrl(company, shop.Floor, "&weeks=27"))).AssertFieldErrorAsync("weeks");
        await (await company.Employee.Http.GetAsync(TeamsUrl(id, $"/{shop.Floor}/capacity?from=2027-02-30"))).AssertFieldErrorAsync("from");
        // Near the end of the dates Arkoa keeps, the view stops there.
        var last = await company.Employee.GetJsonAsync(TeamsUrl(id, $"/{shop.Floor}/capacity?from=2199-12-30"));
        Assert.Equal("2199-12-31", last.GetProperty("to").GetString());

        var stranger = await TestCompany.CreateAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Admin.Http.GetAsync(CapacityUrl(company, shop.Floor))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Admin.Http.PutAsJsonAsync(coverage, new { minimumPresent = 1 })).StatusCode);
        Assert.Equal("team-not-found", await (await admin.Http.GetAsync(TeamsUrl(id, $"/{(await stranger.Admin.DefaultTeamAsync(stranger.CompanyId)).Id}/capacity")))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_refusing_blackout_refuses_its_types_on_its_working_days_for_its_team_and_sub_teams_only_and_changes_no_balance()
    {
        var shop = await ShopAsync();
        var (company, admin, id) = (shop.Company, shop.Company.Admin, shop.Company.CompanyId);
        var created = await admin.Http.PostAsJsonAsync(BlackoutsUrl(company),
            new { name = "Stocktaking", startDate = Monday.Iso(), endDate = Monday.AddDays(4).Iso(), teamId = shop.Floor });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var period = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["PAID", "UNPAID", "RTT"], period.GetProperty("leaveTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(("REFUSE", "Floor"), (period.GetProperty("effect").GetString(), period.GetProperty("teamName").GetString()));
        var employeeId = company.EmployeeMembershipId;
        var paidBefore = await company.Employee.BalanceAsync(id, employeeId, "PAID");

        var refused = await company.Employee.Http.PostAsJsonAsync(company.LeavesUrl(employeeId),
            new { type = "PAID", startDate = Monday.AddDays(2).Iso(), endDate = Monday.AddDays(7).Iso() });
        Assert.Equal("blackout-period", await refused.ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal(paidBefore, await company.Employee.BalanceAsync(id, employeeId, "PAID"));
        Assert.Empty(await company.Employee.LeavesAsync(id, employeeId));
        // A manager recording it for the member is refused too: the admin lifts the period instead.
        Assert.Equal("blackout-period", await (await company.Manager.Http.PostAsJsonAsync(company.LeavesUrl(employeeId),
            new { type = "UNPAID", startDate = Monday.Iso(), endDate = Monday.Iso() })).ProblemCodeAsync(HttpStatusCode.Conflict));

        // Sick leave is not a blackout type; the weekend after is not in it; Floor Night is under Floor; Office is not.
        await company.Employee.CreateLeaveAsync(id, employeeId, "SICK", Monday.AddDays(1), Monday.AddDays(1));
        await company.Employee.CreateLeaveAsync(id, employeeId, "PAID", Monday.AddDays(5), Monday.AddDays(6 + 1));
        Assert.Equal("blackout-period", await (await admin.Http.PostAsJsonAsync(company.LeavesUrl(shop.CidId),
            new { type = "UNPAID", startDate = Monday.Iso(), endDate = Monday.Iso() })).ProblemCodeAsync(HttpStatusCode.Conflict));
        await admin.CreateLeaveAsync(id, shop.DeeId, "UNPAID", Monday, Monday);

        // An edit into the period is refused and leaves the leave as it was.
        var leave = (await company.Employee.LeavesAsync(id, employeeId)).Single(l => l.GetProperty("type").GetString() == "PAID");
        var edit = await company.Employee.PatchAsync($"{company.LeavesUrl(employeeId)}/{leave.GetProperty("id").GetString()}",
            new { type = "PAID", startDate = Monday.AddDays(4).Iso(), endDate = Monday.AddDays(7).Iso(), version = leave.GetProperty("version").GetInt32() });
        Assert.Equal("blackout-period", await edit.ProblemCodeAsync(HttpStatusCode.Conflict));
        var unchanged = (await company.Employee.LeavesAsync(id, employeeId)).Single(l => l.GetProperty("type").GetString() == "PAID");
        Assert.Equal(Monday.AddDays(5).Iso(), unchanged.GetProperty("startDate").GetString());

        // Lifted, the same request goes through.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync(BlackoutsUrl(company, $"/{period.GetProperty("id").GetString()}"))).StatusCode);
        await company.Employee.CreateLeaveAsync(id, employeeId, "PAID", Monday.AddDays(2), Monday.AddDays(2));
    }

    [Fact]
    public async Task The_day_count_tells_the_form_about_a_warning_blackout_a_coverage_shortfall_and_teammates_away_without_their_type()
    {
        var shop = await ShopAsync();
        var (company, admin, id) = (shop.Company, shop.Company.Admin, shop.Company.CompanyId);
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{shop.Floor}/coverage"), new { maximumAbsent = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company),
            new { name = "Peak season", startDate = Monday.Iso(), endDate = Monday.AddDays(13).Iso(), effect = "WARN", leaveTypes = new[] { "PAID", "RTT" } })).StatusCode);
        await ApproveAsync(company, await admin.CreateLeaveAsync(id, shop.AnnId, "SICK", Monday.AddDays(1), Monday.AddDays(2)));

        var count = await company.Employee.GetJsonAsync(
            $"/api/companies/{id}/leaves/day-count?type=PAID&startDate={Monday.Iso()}&endDate={Monday.AddDays(2).Iso()}");

        var capacity = count.GetProperty("capacity");
        Assert.Equal(["Peak season"], capacity.GetProperty("blackouts").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.Equal([Monday.AddDays(1).Iso(), Monday.AddDays(2).Iso()],
            capacity.GetProperty("coverageBreaches").EnumerateArray().Select(b => b.GetProperty("date").GetString()));
        Assert.Equal("Floor", capacity.GetProperty("coverageBreaches")[0].GetProperty("teamName").GetString());
        var away = Assert.Single(capacity.GetProperty("teammatesAway").EnumerateArray());
        Assert.Equal(("Ann Floor", "APPROVED"), (away.GetProperty("name").GetString(), away.GetProperty("status").GetString()));
        Assert.False(away.TryGetProperty("type", out _));
        // The warning refuses nothing: the request goes through (RTT: the employee has no PAID days yet).
        await admin.CreditAsync(id, company.EmployeeMembershipId, "RTT", 3);
        await company.Employee.CreateLeaveAsync(id, company.EmployeeMembershipId, "RTT", Monday, Monday.AddDays(2));

        // Dee (Office; like everyone also in the default team) meets neither the Floor's rule nor its people: teammates are
        // those of the primary team.
        var dee = await admin.GetJsonAsync(
            $"/api/companies/{id}/leaves/day-count?type=UNPAID&membershipId={shop.DeeId}&startDate={Monday.Iso()}&endDate={Monday.AddDays(2).Iso()}");
        Assert.Equal(0, dee.GetProperty("capacity").GetProperty("coverageBreaches").GetArrayLength());
        Assert.Equal(0, dee.GetProperty("capacity").GetProperty("teammatesAway").GetArrayLength());
        Assert.Equal(0, dee.GetProperty("capacity").GetProperty("blackouts").GetArrayLength()); // UNPAID is not a type of the period
    }

    [Fact]
    public async Task Only_an_admin_adds_or_removes_blackouts_and_a_bad_one_is_refused_naming_its_field_with_nothing_saved()
    {
        var shop = await ShopAsync();
        var (company, admin) = (shop.Company, shop.Company.Admin);
        var good = new { name = "Closing", startDate = Monday.Iso(), endDate = Monday.Iso() };

        Assert.Equal("admin-only-blackouts", await (await company.Manager.Http.PostAsJsonAsync(BlackoutsUrl(company), good)).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("admin-only-blackouts", await (await company.Employee.Http.PostAsJsonAsync(BlackoutsUrl(company), good)).ProblemCodeAsync(HttpStatusCode.Forbidden));
        await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company), new { name = "Backwards", startDate = Monday.Iso(), endDate = Monday.AddDays(-1).Iso() })).AssertFieldErrorAsync("endDate");
        await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company), new { name = "Forever", startDate = Monday.Iso(), endDate = Monday.AddDays(366).Iso() })).AssertFieldErrorAsync("endDate");
        await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company), new { name = "None", startDate = Monday.Iso(), endDate = Monday.Iso(), leaveTypes = Array.Empty<string>() })).AssertFieldErrorAsync("leaveTypes");
        await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company), new { name = "Odd", startDate = Monday.Iso(), endDate = Monday.Iso(), leaveTypes = new[] { "HOLIDAY" } })).AssertFieldErrorAsync("leaveTypes[0]");
        await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company), new { name = "Odd", startDate = Monday.Iso(), endDate = Monday.Iso(), effect = "MAYBE" })).AssertFieldErrorAsync("effect");
        await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company), new { name = "  ", startDate = Monday.Iso(), endDate = Monday.Iso() })).AssertFieldErrorAsync("name");
        await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company), new { name = "Ctrl\u0007", startDate = Monday.Iso(), endDate = Monday.Iso() })).AssertFieldErrorAsync("name");
        var stranger = await TestCompany.CreateAsync(app);
        var foreignTeam = (await stranger.Admin.DefaultTeamAsync(stranger.CompanyId)).Id;
        Assert.Equal("team-not-found", await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company),
            new { name = "Theirs", startDate = Monday.Iso(), endDate = Monday.Iso(), teamId = foreignTeam })).ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal(0, (await company.Employee.GetJsonAsync(BlackoutsUrl(company))).GetArrayLength());

        var created = await (await admin.Http.PostAsJsonAsync(BlackoutsUrl(company), good)).Content.ReadFromJsonAsync<JsonElement>();
        var periodId = created.GetProperty("id").GetString();
        Assert.Single((await company.Employee.GetJsonAsync(BlackoutsUrl(company))).EnumerateArray());
        Assert.Equal(0, (await company.Employee.GetJsonAsync(BlackoutsUrl(company, $"?endingFrom={Monday.AddDays(1).Iso()}"))).GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Admin.Http.GetAsync(BlackoutsUrl(company))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Admin.Http.DeleteAsync(BlackoutsUrl(company, $"/{periodId}"))).StatusCode);
        Assert.Equal("admin-only-blackouts", await (await company.Manager.Http.DeleteAsync(BlackoutsUrl(company, $"/{periodId}"))).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("blackout-not-found", await (await stranger.Admin.Http.DeleteAsync($"/api/companies/{stranger.CompanyId}/blackout-periods/{periodId}"))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Single((await company.Employee.GetJsonAsync(BlackoutsUrl(company))).EnumerateArray());
    }

    [Fact]
    public async Task An_approval_that_leaves_a_team_short_needs_an_override_with_a_note_which_the_history_records()
    {
        var shop = await ShopAsync();
        var (company, admin, id) = (shop.Company, shop.Company.Admin, shop.Company.CompanyId);
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{shop.Floor}/coverage"), new { minimumPresent = 3 })).StatusCode);
        await ApproveAsync(company, await admin.CreateLeaveAsync(id, shop.AnnId, "UNPAID", Monday, Monday.AddDays(1)));
        var bobs = await admin.CreateLeaveAsync(id, shop.BobId, "UNPAID", Monday.AddDays(1), Monday.AddDays(2));

        // Floor has 4 (Ann, Bob, the employee, Cid below): with Ann away Tuesday, Bob's Tuesday leaves 2. The approver
        // sees it before deciding; the employee (Bob's teammate) and another company's admin do not.
        var coverageUrl = $"/api/companies/{id}/leaves/{bobs}/coverage";
        var coverage = await company.Manager.GetJsonAsync(coverageUrl);
        var shortfall = Assert.Single(coverage.GetProperty("shortfalls").EnumerateArray());
        Assert.Equal(("Floor", Monday.AddDays(1).Iso()), (shortfall.GetProperty("teamName").GetString(), shortfall.GetProperty("dates")[0].GetString()));
        Assert.Equal(["Ann Floor"], coverage.GetProperty("teammatesAway").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await company.Employee.Http.GetAsync(coverageUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await TestCompany.CreateAsync(app)).Admin.Http.GetAsync(coverageUrl)).StatusCode);
        Assert.Equal("leave-not-found", await (await company.Manager.Http.GetAsync($"/api/companies/{id}/leaves/{Guid.NewGuid()}/coverage"))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        var refused = await company.Manager.Http.PostAsJsonAsync(company.ReviewUrl(bobs), new { status = "APPROVED" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("coverage-breach", problem.GetProperty("code").GetString());
        Assert.Equal(("Floor", 3), (problem.GetProperty("teamName").GetString(), problem.GetProperty("minimumPresent").GetInt32()));
        Assert.Equal([Monday.AddDays(1).Iso()], problem.GetProperty("dates").EnumerateArray().Select(d => d.GetString()));
        await (await company.Manager.Http.PostAsJsonAsync(company.ReviewUrl(bobs), new { status = "APPROVED", overrideCoverage = true }))
            .AssertFieldErrorAsync("managerNote");
        var bob = (await admin.LeavesAsync(id, shop.BobId)).Single();
        Assert.Equal("PENDING", bob.GetProperty("status").GetString());

        // Rejecting needs no override; approving with one and a note goes through and stays in the history.
        var approved = await company.Manager.Http.PostAsJsonAsync(company.ReviewUrl(bobs),
            new { status = "APPROVED", overrideCoverage = true, managerNote = "Cid covers the Tuesday" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var history = await admin.GetJsonAsync($"{company.LeavesUrl(shop.BobId)}/{bobs}/history");
        var approval = history.EnumerateArray().Single(c => c.GetProperty("transition").GetString() == "APPROVED");
        Assert.True(approval.GetProperty("coverageOverridden").GetBoolean());
        Assert.Equal("Cid covers the Tuesday", approval.GetProperty("note").GetString());
        Assert.False(history.EnumerateArray().Single(c => c.GetProperty("transition").GetString() == "SUBMITTED").GetProperty("coverageOverridden").GetBoolean());
    }

    [Fact]
    public async Task Two_approvals_racing_for_a_team_s_last_free_place_never_both_pass()
    {
        var shop = await ShopAsync();
        var (company, admin, id) = (shop.Company, shop.Company.Admin, shop.Company.CompanyId);
        // Floor (4 with Floor Night) may have one away at a time.
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{shop.Floor}/coverage"), new { maximumAbsent = 1 })).StatusCode);
        for (var round = 0; round < 4; round++)
        {
            var day = Monday.AddDays(7 * round);
            var first = await admin.CreateLeaveAsync(id, shop.AnnId, "UNPAID", day, day);
            var second = await admin.CreateLeaveAsync(id, round % 2 == 0 ? shop.BobId : shop.CidId, "UNPAID", day, day);

            var answers = await Task.WhenAll(
                company.Manager.Http.PostAsJsonAsync(company.ReviewUrl(first), new { status = "APPROVED" }),
                admin.Http.PostAsJsonAsync(company.ReviewUrl(second), new { status = "APPROVED" }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            Assert.Equal("coverage-breach", await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ProblemCodeAsync(HttpStatusCode.Conflict));
        }
    }
}
