using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;
using static Arkoa.Tests.Integration.TeamTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Who sees and decides what once a company has teams (SPEC §10), through the Api: a team manager who is an employee
/// decides the requests of their team and its sub-teams and nobody else's, never their own, and their approvals queue
/// and its count hold exactly those; the company's managers keep every right; the calendar, the stats, the company's
/// leaves and the CSV exports narrow to a team and its sub-teams.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class TeamDecisionTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    /// <summary>
    /// Sales (managed by Lea, an employee, who is in it) with the sub-team Sales East, and Support: Sam in Sales, Eva in
    /// Sales East, Sue in Support, each with a PENDING request, as Lea has one.
    /// </summary>
    private sealed record Organisation(
        Team Company, string Sales, string SalesEast, string Support,
        ApiSession Lea, string LeaId, string SamId, string EvaId, string SueId,
        string LeaLeave, string SamLeave, string EvaLeave, string SueLeave, ApiSession Sue);

    private async Task<Organisation> OrganiseAsync()
    {
        var company = await CreateTeamAsync(app);
        var (admin, id) = (company.Admin, company.CompanyId);
        var (lea, leaId) = await JoinAsync(company, "Lea Lead");
        var (_, samId) = await JoinAsync(company, "Sam Seller");
        var (_, evaId) = await JoinAsync(company, "Eva East");
        var (sue, sueId) = await JoinAsync(company, "Sue Support");
        var sales = await admin.AddTeamAsync(id, "Sales");
        var salesEast = await admin.AddTeamAsync(id, "Sales East", sales);
        var support = await admin.AddTeamAsync(id, "Support");
        await admin.JoinTeamAsync(id, sales, leaId, isPrimary: true);
        await admin.JoinTeamAsync(id, sales, samId, isPrimary: true);
        await admin.JoinTeamAsync(id, salesEast, evaId, isPrimary: true);
        await admin.JoinTeamAsync(id, support, sueId, isPrimary: true);
        await admin.ManageTeamAsync(id, sales, leaId);

        var monday = TestDates.FebruaryMondayNextYear();
        async Task<string> RequestAsync(string membershipId) => await admin.CreateLeaveAsync(id, membershipId, "UNPAID", monday, monday.AddDays(1));
        return new Organisation(company, sales, salesEast, support, lea, leaId, samId, evaId, sueId,
            await RequestAsync(leaId), await RequestAsync(samId), await RequestAsync(evaId), await RequestAsync(sueId), sue);
    }

    private async Task<(ApiSession Session, string MembershipId)> JoinAsync(Team company, string name)
    {
        var member = await ApiSession.SignUpAsync(app, name);
        return (member, await company.Admin.AddMemberAsync(company.CompanyId, member));
    }

    [Fact]
    public async Task A_team_manager_decides_for_their_team_and_sub_teams_only_and_never_their_own_request()
    {
        var org = await OrganiseAsync();
        var company = org.Company;

        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(org.Lea, company, org.SamLeave, "APPROVED")).StatusCode);
        var rejected = await ReviewAsync(org.Lea, company, org.EvaLeave, "REJECTED", "Busy week in the East");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("REJECTED", (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("leave-outside-their-teams", await (await ReviewAsync(org.Lea, company, org.SueLeave, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("own-leave-review", await (await ReviewAsync(org.Lea, company, org.LeaLeave, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        // A plain employee of Sales decides nothing, even for a teammate.
        Assert.Equal("review-needs-manager", await (await ReviewAsync(company.Employee, company, org.SueLeave, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));

        // What was refused stayed PENDING; the company's manager still decides anyone's, in any team.
        var sue = await company.Manager.GetJsonAsync(company.LeavesUrl(org.SueId));
        Assert.Equal("PENDING", sue.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(company.Manager, company, org.SueLeave, "APPROVED")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(company.Manager, company, org.LeaLeave, "APPROVED")).StatusCode);
    }

    /// <summary>
    /// The default team's managers are the company's managers: a manager demoted to employee stops deciding the
    /// requests of the people in it at once (as before teams), and one promoted decides them again. Managing a team an
    /// admin chose is not a matter of role: it stays.
    /// </summary>
    [Fact]
    public async Task A_team_manager_and_an_awaited_approver_read_the_balances_and_histories_of_those_they_decide_for_only()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        var id = company.CompanyId;
        async Task<HttpStatusCode> ReadAsync(ApiSession reader, string membershipId, string? leaveId = null)
        {
            var codes = new List<HttpStatusCode>
            {
                (await reader.Http.GetAsync(company.Url($"/memberships/{membershipId}/leave-balances"))).StatusCode,
                (await reader.Http.GetAsync(company.Url($"/memberships/{membershipId}/leave-balance-history"))).StatusCode,
            };
            if (leaveId is not null) codes.Add((await reader.Http.GetAsync(company.Url($"/memberships/{membershipId}/leaves/{leaveId}/history"))).StatusCode);
            return Assert.Single(codes.Distinct());
        }

        // Lea, an employee who manages Sales: Sam (Sales) and Eva (Sales East, below), with their rows; not Sue (Support).
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(org.Lea, org.SamId, org.SamLeave));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(org.Lea, org.EvaId, org.EvaLeave));
        var history = await org.Lea.GetJsonAsync(company.Url($"/memberships/{org.EvaId}/leaves/{org.EvaLeave}/history"));
        Assert.Equal("SUBMITTED", history[0].GetProperty("transition").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, await ReadAsync(org.Lea, org.SueId, org.SueLeave));
        Assert.Equal(HttpStatusCode.Forbidden, await ReadAsync(company.Employee, org.SamId, org.SamLeave));

        // An employee named on a chain's step reads the requester's while the request waits for them, and not after.
        var sueSession = org.Sue;
        await company.Admin.SetChainAsync(id, ApprovalTestKit.Step("NAMED_MEMBER", namedMembershipId: org.SueId));
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 3);
        var asked = await company.Admin.CreateLeaveAsync(id, org.EvaId, "UNPAID", monday, monday);
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(sueSession, org.EvaId, asked));
        Assert.Equal(HttpStatusCode.OK, (await sueSession.ReviewAsync(company, asked, "APPROVED")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await ReadAsync(sueSession, org.EvaId, asked));
    }

    [Fact]
    public async Task A_manager_demoted_to_employee_no_longer_decides_through_the_default_team_and_decides_again_once_promoted()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        var managerUrl = company.Url($"/memberships/{company.ManagerMembershipId}");
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PatchAsync(managerUrl, new { role = "EMPLOYEE" })).StatusCode);

        Assert.Equal("review-needs-manager", await (await ReviewAsync(company.Manager, company, org.SamLeave, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        // No count at all: they decide nothing, like any employee.
        Assert.Equal(JsonValueKind.Null, (await company.Manager.GetJsonAsync(company.Url())).GetProperty("pendingReviews").ValueKind);
        // Lea, an employee who manages Sales by an admin's choice, keeps deciding there.
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(org.Lea, company, org.SamLeave, "APPROVED")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PatchAsync(managerUrl, new { role = "MANAGER" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(company.Manager, company, org.SueLeave, "APPROVED")).StatusCode);
    }

    [Fact]
    public async Task A_team_manager_sees_and_counts_exactly_the_requests_they_may_decide_with_the_actions_they_have()
    {
        var org = await OrganiseAsync();
        var company = org.Company;

        var queue = await org.Lea.GetJsonAsync(company.Url("/leaves?status=PENDING"));
        Assert.Equal(new[] { org.SamLeave, org.EvaLeave }.Order(), queue.ItemIds().Order());
        Assert.All(queue.GetProperty("items").EnumerateArray(), item =>
            Assert.Equal(["edit", "cancel", "delete", "approve", "reject"], item.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!)));
        Assert.Equal(2, (await org.Lea.GetJsonAsync(company.Url())).GetProperty("pendingReviews").GetInt32());

        // Their members' leaves are theirs to read; another team's are not.
        Assert.Single((await org.Lea.GetJsonAsync(company.LeavesUrl(org.EvaId))).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await org.Lea.Http.GetAsync(company.LeavesUrl(org.SueId))).StatusCode);

        // A plain employee has no queue; the company's manager sees all four and counts them.
        Assert.Equal(HttpStatusCode.Forbidden, (await company.Employee.Http.GetAsync(company.Url("/leaves?status=PENDING"))).StatusCode);
        Assert.Equal(4, (await company.Manager.GetJsonAsync(company.Url("/leaves?status=PENDING"))).ItemIds().Count);
        Assert.Equal(4, (await company.Manager.GetJsonAsync(company.Url())).GetProperty("pendingReviews").GetInt32());

        // Once Lea no longer manages Sales, the queue is gone with the rights.
        Assert.Equal(HttpStatusCode.NoContent, (await company.Admin.Http.DeleteAsync(TeamsUrl(company.CompanyId, $"/{org.Sales}/managers/{org.LeaId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.Lea.Http.GetAsync(company.Url("/leaves?status=PENDING"))).StatusCode);
        Assert.Equal("review-needs-manager", await (await ReviewAsync(org.Lea, company, org.SamLeave, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task The_calendar_stats_leaves_and_exports_narrow_to_a_team_and_its_sub_teams()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        var monday = TestDates.FebruaryMondayNextYear();
        var month = $"year={monday.Year}&month={monday.Month}";

        var calendar = await org.Lea.GetJsonAsync(company.Url($"/calendar?{month}&team={org.Sales}"));
        Assert.Equal(new[] { org.LeaId, org.SamId, org.EvaId }.Order(), Members(calendar.GetProperty("leaves")).Order());
        var east = await company.Employee.GetJsonAsync(company.Url($"/calendar?{month}&team={org.SalesEast}"));
        Assert.Equal([org.EvaId], Members(east.GetProperty("leaves")));
        Assert.Equal(4, (await company.Employee.GetJsonAsync(company.Url($"/calendar?{month}"))).GetProperty("leaves").GetArrayLength());

        var leaves = await company.Manager.GetJsonAsync(company.Url($"/leaves?team={org.Support}"));
        Assert.Equal([org.SueLeave], leaves.ItemIds());
        Assert.Equal(1, (await company.Manager.GetJsonAsync(company.Url($"/stats?team={org.Support}"))).GetProperty("totalEmployees").GetInt32());
        Assert.Equal(3, (await company.Manager.GetJsonAsync(company.Url($"/leaves/stats?team={org.Sales}"))).GetProperty("pendingLeaves").GetInt32());

        var csv = await company.Manager.Http.GetStringAsync(company.Url($"/leave-balances.csv?team={org.SalesEast}"));
        Assert.Contains("Eva East", csv);
        Assert.DoesNotContain("Sam Seller", csv);
        var history = await company.Manager.Http.GetStringAsync(company.Url($"/history.csv?team={org.Support}"));
        Assert.Contains("Sue Support", history);
        Assert.DoesNotContain("Eva East", history);

        // A team filter that is not a UUID names its field; one of no team of this company is not found.
        await (await company.Manager.Http.GetAsync(company.Url($"/leaves?team=sales"))).AssertFieldErrorAsync("team");
        await (await company.Manager.Http.GetAsync(company.Url($"/calendar?{month}&team=sales"))).AssertFieldErrorAsync("team");
        Assert.Equal("team-not-found", await (await company.Manager.Http.GetAsync(company.Url($"/stats?team={Guid.NewGuid()}"))).ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal("team-not-found", await (await company.Manager.Http.GetAsync(company.Url($"/history.csv?team={Guid.NewGuid()}"))).ProblemCodeAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_team_s_calendar_follows_its_members_at_once_when_someone_joins_the_team()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        var monday = TestDates.FebruaryMondayNextYear();
        var url = company.Url($"/calendar?year={monday.Year}&month={monday.Month}&team={org.Support}");
        Assert.Equal([org.SueId], Members((await company.Employee.GetJsonAsync(url)).GetProperty("leaves")));

        await company.Admin.JoinTeamAsync(company.CompanyId, org.Support, org.SamId);

        // The cached view is keyed by the company's data version, which the team change raised.
        Assert.Equal(new[] { org.SueId, org.SamId }.Order(), Members((await company.Employee.GetJsonAsync(url)).GetProperty("leaves")).Order());
    }

    private static Task<HttpResponseMessage> ReviewAsync(ApiSession reviewer, Team company, string leaveId, string status, string? managerNote = null) =>
        reviewer.Http.PostAsJsonAsync(company.ReviewUrl(leaveId), new { status, managerNote });

    private static List<string> Members(JsonElement leaves) =>
        leaves.EnumerateArray().Select(l => l.GetProperty("membershipId").GetString()!).ToList();
}
