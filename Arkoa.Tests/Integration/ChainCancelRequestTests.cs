using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.ApprovalTestKit;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// A request to cancel a leave approved through an approval chain goes to the chain's first step (SPEC §11): its
/// approver — here an employee — is mailed, sees it, declines or accepts it (the days come back); a colleague who is
/// no approver of it cannot; the company's managers still may, so it never waits on nobody.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ChainCancelRequestTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static List<string> Actions(JsonElement leave) =>
        leave.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToList();

    private async Task<List<string>> CancelRequestMailsToAsync(string leaveId) =>
        (await AccountTestKit.ScalarAsync<string[]>(await app.DatabaseConnectionStringAsync(), """
            SELECT coalesce(array_agg(payload->>'to' ORDER BY payload->>'to'), '{}') FROM outbox_messages
            WHERE kind = 'leave.cancel-requested' AND payload->>'leaveId' = @leave
            """, ("leave", leaveId)))!.ToList();

    [Fact]
    public async Task The_first_step_s_approver_answers_a_request_to_cancel_and_a_colleague_cannot()
    {
        var company = await CreateTeamAsync(app);
        var (lea, leaId) = await company.AddMemberAsync(app, name: "Lea Lead");
        var (sam, _) = await company.AddMemberAsync(app, name: "Sam Seller");
        await company.Admin.SetChainAsync(company.CompanyId, Step("NAMED_MEMBER", namedMembershipId: leaId), Step("COMPANY_ADMINS"));
        await company.Admin.CreditAsync(company.CompanyId, company.EmployeeMembershipId, "PAID", 10);
        var before = await company.Employee.BalanceAsync(company.CompanyId, company.EmployeeMembershipId, "PAID");
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 6);
        var leaveId = await company.Employee.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "PAID", monday, monday.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await lea.ReviewAsync(company, leaveId, "APPROVED")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.ReviewAsync(company, leaveId, "APPROVED")).StatusCode);
        var leaveUrl = $"{company.LeavesUrl(company.EmployeeMembershipId)}/{leaveId}";
        var declineUrl = company.Url($"/leaves/{leaveId}/cancel-request/decline");

        // Nothing to answer yet: Lea, an employee, may not cancel the approved leave.
        await (await lea.Http.PostAsJsonAsync($"{leaveUrl}/cancel", new { })).AssertProblemAsync(HttpStatusCode.Forbidden, "not-allowed");

        Assert.Equal(HttpStatusCode.OK, (await company.Employee.Http.PostAsJsonAsync($"{leaveUrl}/cancel-request", new { reason = "Plans changed" })).StatusCode);
        Assert.Equal([lea.Email], await CancelRequestMailsToAsync(leaveId));
        var queue = await lea.GetJsonAsync(company.Url("/cancel-requests"));
        var open = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(["cancel", "decline-cancel"], Actions(open));
        Assert.Equal(1, (await lea.GetJsonAsync(company.Url())).GetProperty("pendingReviews").GetInt32());
        Assert.Empty((await lea.GetJsonAsync(company.Url("/leaves?waitingForMe=true"))).ItemIds()); // pending requests only

        // A colleague who is no approver of it: neither answer.
        await (await sam.Http.PostAsJsonAsync($"{leaveUrl}/cancel", new { })).AssertProblemAsync(HttpStatusCode.Forbidden, "not-allowed");
        await (await sam.Http.PostAsJsonAsync(declineUrl, new { managerNote = "No" })).AssertProblemAsync(HttpStatusCode.Forbidden, "review-needs-manager");

        // Lea declines, saying why; the member asks again, and Lea accepts: the days come back.
        var declined = await lea.Http.PostAsJsonAsync(declineUrl, new { managerNote = "We need you that week" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("APPROVED", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await company.Employee.Http.PostAsJsonAsync($"{leaveUrl}/cancel-request", new { })).StatusCode);
        // The company's managers may still answer it, so it never waits on nobody.
        Assert.Single((await company.Manager.GetJsonAsync(company.Url("/cancel-requests"))).GetProperty("items").EnumerateArray());
        var canceled = await lea.Http.PostAsJsonAsync($"{leaveUrl}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        Assert.Equal("CANCELED", (await canceled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(before, await company.Employee.BalanceAsync(company.CompanyId, company.EmployeeMembershipId, "PAID"));
        Assert.Empty((await company.Manager.GetJsonAsync(company.Url("/cancel-requests"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_chain_a_request_to_cancel_still_goes_to_the_managers()
    {
        var company = await CreateTeamAsync(app);
        await company.Admin.CreditAsync(company.CompanyId, company.EmployeeMembershipId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 7);
        var leaveId = await company.Employee.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "PAID", monday, monday);
        Assert.Equal(HttpStatusCode.OK, (await company.Manager.ReviewAsync(company, leaveId, "APPROVED")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await company.Employee.Http.PostAsJsonAsync(
            $"{company.LeavesUrl(company.EmployeeMembershipId)}/{leaveId}/cancel-request", new { })).StatusCode);

        Assert.Equal(new[] { company.Admin.Email, company.Manager.Email }.Order().ToList(), await CancelRequestMailsToAsync(leaveId));
    }
}
