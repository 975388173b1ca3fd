using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.ApprovalTestKit;
using static Arkoa.Tests.Integration.CompanyTestKit;
using static Arkoa.Tests.Integration.TeamTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Approval chains through the Api (SPEC §11): a request moves step by step, each step decided only by the approvers it
/// waits for and each decision recorded; the approvers' queues and counts hold exactly what waits for them; a rejection
/// at any step gives the days back; an admin's approver for a member and a delegation in its window change who decides;
/// two approvers racing on an ALL step are both recorded, on an ANY step one wins; nobody else — an employee, another
/// company — changes or reads any of it.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ApprovalChainTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    /// <summary>
    /// The company (admin, manager, employee) with Sales, which Lea (an employee) manages and the employee and Sam are in.
    /// </summary>
    private sealed record Organisation(Team Company, ApiSession Lea, string LeaId, ApiSession Sam, string SamId);

    private async Task<Organisation> OrganiseAsync()
    {
        var company = await CreateTeamAsync(app);
        var (admin, id) = (company.Admin, company.CompanyId);
        var (lea, leaId) = await company.AddMemberAsync(app, name: "Lea Lead");
        var (sam, samId) = await company.AddMemberAsync(app, name: "Sam Seller");
        var sales = await admin.AddTeamAsync(id, "Sales");
        await admin.JoinTeamAsync(id, sales, company.EmployeeMembershipId, isPrimary: true);
        await admin.JoinTeamAsync(id, sales, samId, isPrimary: true);
        await admin.ManageTeamAsync(id, sales, leaId);
        return new Organisation(company, lea, leaId, sam, samId);
    }

    private static Task<string> RequestAsync(Team company, string type = "PAID", int weeksLater = 0)
    {
        var monday = TestDates.FebruaryMondayNextYear(weeksLater);
        return company.Employee.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, type, monday, monday.AddDays(1));
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<int?> PendingReviewsAsync(ApiSession session, TestCompany company)
    {
        var count = (await session.GetJsonAsync(company.Url())).GetProperty("pendingReviews");
        return count.ValueKind == JsonValueKind.Null ? null : count.GetInt32();
    }

    [Fact]
    public async Task A_two_step_request_goes_team_manager_then_hr_each_deciding_only_at_their_step()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        await company.Admin.SetChainAsync(company.CompanyId, Step("TEAM_MANAGERS"), Step("COMPANY_ADMINS"));
        var leaveId = await RequestAsync(company);

        var own = (await company.Employee.GetJsonAsync(company.LeavesUrl(company.EmployeeMembershipId))).GetProperty("items")[0];
        Assert.Equal((1, 2), (own.GetProperty("approval").GetProperty("step").GetInt32(), own.GetProperty("approval").GetProperty("steps").GetInt32()));
        // HR's step comes later, and the company's manager is at no step of this chain.
        Assert.Equal("approval-not-your-step", await (await company.Admin.ReviewAsync(company, leaveId, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("approval-not-your-step", await (await company.Manager.ReviewAsync(company, leaveId, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(1, await PendingReviewsAsync(org.Lea, company));
        Assert.Equal([leaveId], (await org.Lea.GetJsonAsync(company.Url("/leaves?waitingForMe=true"))).ItemIds());
        Assert.Empty((await company.Admin.GetJsonAsync(company.Url("/leaves?waitingForMe=true"))).ItemIds());

        var first = await ReadAsync(await org.Lea.ReviewAsync(company, leaveId, "APPROVED", "Fine with the team"));
        Assert.Equal("PENDING", first.GetProperty("status").GetString());
        Assert.Equal(2, first.GetProperty("approval").GetProperty("step").GetInt32());
        Assert.Equal("approval-step-decided", await (await org.Lea.ReviewAsync(company, leaveId, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal(0, await PendingReviewsAsync(org.Lea, company));
        var queue = await company.Admin.GetJsonAsync(company.Url("/leaves?waitingForMe=true"));
        Assert.Equal([leaveId], queue.ItemIds());
        var row = queue.GetProperty("items")[0];
        Assert.True(row.GetProperty("approval").GetProperty("waitingForYou").GetBoolean());
        Assert.Contains("approve", row.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        var final = await ReadAsync(await company.Admin.ReviewAsync(company, leaveId, "APPROVED"));
        Assert.Equal("APPROVED", final.GetProperty("status").GetString());
        var approval = await company.Employee.ApprovalAsync(company, leaveId);
        Assert.Equal([(1, org.LeaId, (string?)null, "APPROVED"), (2, company.AdminMembershipId, null, "APPROVED")], approval.Decisions());
        Assert.Equal("Fine with the team", approval.GetProperty("stepList")[0].GetProperty("approvers")[0].GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, approval.GetProperty("currentStep").ValueKind);
    }

    [Fact]
    public async Task A_request_recorded_for_a_member_follows_the_chain_unless_its_author_approves_at_every_step()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        // The admin is the named approver of step 1 and an admin of step 2; the company's manager is at no step.
        await company.Admin.SetChainAsync(company.CompanyId, Step("NAMED_MEMBER", namedMembershipId: company.AdminMembershipId), Step("COMPANY_ADMINS"));
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 9);

        var byAdmin = await company.Admin.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "UNPAID", monday, monday);
        var recorded = (await company.Employee.GetJsonAsync(company.LeavesUrl(company.EmployeeMembershipId))).GetProperty("items").EnumerateArray()
            .Single(l => l.GetProperty("id").GetString() == byAdmin);
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("approval").ValueKind); // decided as without a chain
        Assert.Equal("APPROVED", (await ReadAsync(await company.Admin.ReviewAsync(company, byAdmin, "APPROVED"))).GetProperty("status").GetString());

        var byManager = await company.Manager.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "UNPAID", monday.AddDays(2), monday.AddDays(2));
        var approval = await company.Employee.ApprovalAsync(company, byManager);
        Assert.Equal(2, approval.GetProperty("steps").GetInt32());
        Assert.Equal("approval-not-your-step", await (await company.Manager.ReviewAsync(company, byManager, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_rejection_at_the_second_step_ends_the_request_and_gives_the_days_back()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        await company.Admin.SetChainAsync(company.CompanyId, Step("TEAM_MANAGERS"), Step("COMPANY_ADMINS"));
        var before = await company.Employee.BalanceAsync(company.CompanyId, company.EmployeeMembershipId, "PAID");
        var leaveId = await RequestAsync(company);
        await ReadAsync(await org.Lea.ReviewAsync(company, leaveId, "APPROVED"));

        var rejected = await ReadAsync(await company.Admin.ReviewAsync(company, leaveId, "REJECTED", "Audit week"));

        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        Assert.Equal(before, await company.Employee.BalanceAsync(company.CompanyId, company.EmployeeMembershipId, "PAID"));
        Assert.Equal("REJECTED", (await company.Employee.ApprovalAsync(company, leaveId)).Decisions()[^1].Decision);
    }

    [Fact]
    public async Task A_conditional_step_applies_only_to_the_requests_it_names()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        await company.Admin.SetChainAsync(company.CompanyId, Step("TEAM_MANAGERS"), Step("COMPANY_ADMINS", leaveTypes: ["UNPAID"]));

        var paid = await RequestAsync(company);
        var unpaid = await RequestAsync(company, "UNPAID", weeksLater: 2);

        Assert.Equal(1, (await company.Employee.ApprovalAsync(company, paid)).GetProperty("steps").GetInt32());
        Assert.Equal(2, (await company.Employee.ApprovalAsync(company, unpaid)).GetProperty("steps").GetInt32());
        Assert.Equal("APPROVED", (await ReadAsync(await org.Lea.ReviewAsync(company, paid, "APPROVED"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Two_approvers_of_an_all_step_deciding_at_once_are_both_recorded_and_the_request_moves_on_once()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        await company.Admin.SetChainAsync(company.CompanyId, Step("COMPANY_MANAGERS", "ALL"));
        var leaveId = await RequestAsync(company);

        var answers = await Task.WhenAll(company.Admin.ReviewAsync(company, leaveId, "APPROVED"), company.Manager.ReviewAsync(company, leaveId, "APPROVED"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var approval = await company.Employee.ApprovalAsync(company, leaveId);
        Assert.Equal(2, approval.Decisions().Count);
        Assert.Equal("APPROVED", approval.GetProperty("status").GetString());
        var history = (await company.Employee.GetJsonAsync(company.Url($"/memberships/{company.EmployeeMembershipId}/leaves/{leaveId}/history"))).EnumerateArray()
            .Select(s => s.GetProperty("transition").GetString()).ToList();
        Assert.Equal(1, history.Count(t => t == "APPROVED"));
    }

    [Fact]
    public async Task Two_approvers_of_an_any_step_deciding_at_once_one_wins_and_one_decision_is_recorded()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        await company.Admin.SetChainAsync(company.CompanyId, Step("COMPANY_MANAGERS"));
        var leaveId = await RequestAsync(company);

        var answers = await Task.WhenAll(company.Admin.ReviewAsync(company, leaveId, "APPROVED"), company.Manager.ReviewAsync(company, leaveId, "REJECTED", "No"));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Single((await company.Employee.ApprovalAsync(company, leaveId)).Decisions());
    }

    [Fact]
    public async Task A_delegate_decides_on_behalf_of_the_delegator_for_requests_arriving_in_the_window_only()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        await company.Admin.SetChainAsync(company.CompanyId, Step("TEAM_MANAGERS"));
        var today = UtcToday();
        var delegation = await org.Lea.DelegateAsync(company.CompanyId, org.SamId, today.AddDays(-1), today.AddDays(1));

        var inWindow = await RequestAsync(company);
        Assert.Equal("approval-not-your-step", await (await org.Lea.ReviewAsync(company, inWindow, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(1, await PendingReviewsAsync(org.Sam, company));
        Assert.Equal("APPROVED", (await ReadAsync(await org.Sam.ReviewAsync(company, inWindow, "APPROVED"))).GetProperty("status").GetString());
        Assert.Equal([(1, org.SamId, (string?)org.LeaId, "APPROVED")], (await company.Employee.ApprovalAsync(company, inWindow)).Decisions());

        // A delegation for later does not apply today: Lea decides what arrives now, and Sam nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await org.Lea.Http.DeleteAsync(company.Url($"/approval-delegations/{delegation}"))).StatusCode);
        await org.Lea.DelegateAsync(company.CompanyId, org.SamId, today.AddDays(3), today.AddDays(5));
        var outside = await RequestAsync(company, "UNPAID", weeksLater: 2);
        // Sam, an employee no step waits for, is not a reviewer at all.
        Assert.Equal("review-needs-manager", await (await org.Sam.ReviewAsync(company, outside, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.OK, (await org.Lea.ReviewAsync(company, outside, "APPROVED")).StatusCode);
    }

    [Fact]
    public async Task Without_a_chain_an_approver_set_for_a_member_decides_in_the_team_managers_place()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        Assert.Equal(HttpStatusCode.NoContent, (await company.Admin.Http.PutAsJsonAsync(
            company.Url($"/memberships/{company.EmployeeMembershipId}/approver"), new { approverMembershipId = org.SamId })).StatusCode);
        var leaveId = await RequestAsync(company);

        Assert.Equal("approval-not-your-step", await (await org.Lea.ReviewAsync(company, leaveId, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        var approval = await company.Employee.ApprovalAsync(company, leaveId);
        Assert.Equal("TEAM_OR_COMPANY_MANAGERS", approval.GetProperty("stepList")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await org.Sam.ReviewAsync(company, leaveId, "APPROVED")).StatusCode);

        // Cleared, the next request is decided as without any set-up: Lea decides again.
        Assert.Equal(HttpStatusCode.NoContent, (await company.Admin.Http.DeleteAsync(company.Url($"/memberships/{company.EmployeeMembershipId}/approver"))).StatusCode);
        var next = await RequestAsync(company, "UNPAID", weeksLater: 2);
        Assert.Equal(JsonValueKind.Null, (await company.Employee.GetJsonAsync(company.LeavesUrl(company.EmployeeMembershipId)))
            .GetProperty("items").EnumerateArray().Single(l => l.GetProperty("id").GetString() == next).GetProperty("approval").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await org.Lea.ReviewAsync(company, next, "APPROVED")).StatusCode);
    }

    [Fact]
    public async Task An_admin_replaces_the_chain_with_a_longer_then_a_shorter_one_and_the_next_request_follows_the_last()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        var chainUrl = company.Url("/approval-chain");
        List<string?> Kinds(JsonElement chain) => [.. chain.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("approvers").GetString())];

        await company.Admin.SetChainAsync(company.CompanyId, Step("TEAM_MANAGERS"), Step("COMPANY_ADMINS"));
        await company.Admin.SetChainAsync(company.CompanyId, Step("TEAM_MANAGERS"), Step("PARENT_TEAM_MANAGERS"), Step("COMPANY_MANAGERS"),
            Step("COMPANY_ADMINS"), Step("NAMED_MEMBER", namedMembershipId: org.SamId));
        Assert.Equal(["TEAM_MANAGERS", "PARENT_TEAM_MANAGERS", "COMPANY_MANAGERS", "COMPANY_ADMINS", "NAMED_MEMBER"], Kinds(await company.Admin.GetJsonAsync(chainUrl)));
        await company.Admin.SetChainAsync(company.CompanyId, Step("COMPANY_ADMINS"));
        Assert.Equal(["COMPANY_ADMINS"], Kinds(await company.Admin.GetJsonAsync(chainUrl)));

        var leaveId = await RequestAsync(company);
        Assert.Equal(1, (await company.Employee.ApprovalAsync(company, leaveId)).GetProperty("steps").GetInt32());
    }

    [Fact]
    public async Task A_step_on_blackout_periods_applies_to_the_requests_falling_in_one_that_flags()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        await company.Admin.SetChainAsync(company.CompanyId, Step("TEAM_MANAGERS"), new
        {
            approvers = "COMPANY_ADMINS", mode = "ANY", whenInBlackout = true,
        });
        var inventory = TestDates.FebruaryMondayNextYear(weeksLater: 10);
        Assert.Equal(HttpStatusCode.Created, (await company.Admin.Http.PostAsJsonAsync(company.Url("/blackout-periods"), new
        {
            name = "Inventory", startDate = inventory.Iso(), endDate = inventory.AddDays(4).Iso(), effect = "WARN", leaveTypes = new[] { "UNPAID" },
        })).StatusCode);
        Assert.True((await company.Admin.GetJsonAsync(company.Url("/approval-chain"))).GetProperty("steps")[1].GetProperty("whenInBlackout").GetBoolean());

        var inside = await company.Employee.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "UNPAID", inventory.AddDays(1), inventory.AddDays(1));
        var outside = await company.Employee.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "UNPAID", inventory.AddDays(7), inventory.AddDays(7));
        // A type the period does not name does not fall in it.
        var otherType = await company.Employee.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "SICK", inventory.AddDays(2), inventory.AddDays(2));

        Assert.Equal(2, (await company.Employee.ApprovalAsync(company, inside)).GetProperty("steps").GetInt32());
        Assert.Equal(1, (await company.Employee.ApprovalAsync(company, outside)).GetProperty("steps").GetInt32());
        Assert.Equal(1, (await company.Employee.ApprovalAsync(company, otherType)).GetProperty("steps").GetInt32());
    }

    [Fact]
    public async Task Nobody_but_an_admin_changes_the_set_up_and_another_company_neither_reads_nor_changes_it()
    {
        var org = await OrganiseAsync();
        var company = org.Company;
        var other = await CreateTeamAsync(app);
        var chainUrl = company.Url("/approval-chain");
        var body = new { name = "Mine", steps = new[] { Step("COMPANY_ADMINS") } };

        Assert.Equal("admin-only-approvals", await (await company.Employee.Http.PutAsJsonAsync(chainUrl, body)).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("admin-only-approvals", await (await company.Manager.Http.PutAsJsonAsync(chainUrl, body)).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("admin-only-approvals", await (await org.Lea.Http.DeleteAsync(chainUrl)).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.PutAsJsonAsync(chainUrl, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.GetAsync(chainUrl)).StatusCode);
        Assert.Equal("approval-chain-not-found", await (await company.Employee.Http.GetAsync(chainUrl)).ProblemCodeAsync(HttpStatusCode.NotFound));
        // A member of another company cannot be named, nor be anyone's approver or delegate here.
        var named = new { name = "Mine", steps = new[] { Step("NAMED_MEMBER", namedMembershipId: other.EmployeeMembershipId) } };
        Assert.Equal("approval-step-member", await (await company.Admin.Http.PutAsJsonAsync(chainUrl, named)).ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal("approval-approver-invalid", await (await company.Admin.Http.PutAsJsonAsync(
            company.Url($"/memberships/{company.EmployeeMembershipId}/approver"), new { approverMembershipId = other.AdminMembershipId }))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal("admin-only-approvals", await (await company.Manager.Http.PutAsJsonAsync(
            company.Url($"/memberships/{company.EmployeeMembershipId}/approver"), new { approverMembershipId = org.SamId }))
            .ProblemCodeAsync(HttpStatusCode.Forbidden));

        var today = UtcToday();
        var delegations = company.Url("/approval-delegations");
        Assert.Equal("delegation-not-yours", await (await company.Employee.Http.PostAsJsonAsync(delegations,
            new { fromMembershipId = org.LeaId, toMembershipId = company.EmployeeMembershipId, startDate = today.Iso(), endDate = today.Iso() }))
            .ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("approval-approver-invalid", await (await org.Lea.Http.PostAsJsonAsync(delegations,
            new { toMembershipId = other.EmployeeMembershipId, startDate = today.Iso(), endDate = today.Iso() })).ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal("delegation-dates", await (await org.Lea.Http.PostAsJsonAsync(delegations,
            new { toMembershipId = org.SamId, startDate = today.Iso(), endDate = today.AddDays(-3).Iso() })).ProblemCodeAsync(HttpStatusCode.BadRequest));
        // An admin delegates for anyone; the delegation is nobody else's to end, and another company does not see it.
        var leas = await company.Admin.DelegateAsync(company.CompanyId, org.SamId, today, today.AddDays(2), fromMembershipId: org.LeaId);
        Assert.Equal("delegation-not-found", await (await company.Employee.Http.DeleteAsync(company.Url($"/approval-delegations/{leas}")))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.DeleteAsync(company.Url($"/approval-delegations/{leas}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.Http.DeleteAsync(other.Url($"/approval-delegations/{leas}"))).StatusCode);
        Assert.Empty((await company.Employee.GetJsonAsync(delegations)).EnumerateArray());
        Assert.Single((await org.Sam.GetJsonAsync(delegations)).EnumerateArray());

        // A request's approval is its member's, their managers' and its approvers' to read: not a colleague's.
        await company.Admin.SetChainAsync(company.CompanyId, Step("COMPANY_ADMINS"));
        var leaveId = await RequestAsync(company);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.Sam.Http.GetAsync(company.Url($"/leaves/{leaveId}/approval"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.GetAsync(company.Url($"/leaves/{leaveId}/approval"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.Http.GetAsync(other.Url($"/leaves/{leaveId}/approval"))).StatusCode);
    }
}
