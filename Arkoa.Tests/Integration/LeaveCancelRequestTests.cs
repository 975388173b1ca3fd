using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Issue 14 §7 over HTTP: an employee asks to cancel their approved leave, the managers are mailed and see the open
/// requests, and one accepts (cancel: the days come back) or declines it with a note; the member is mailed the answer.
/// Colleagues, other companies and careless input change nothing. Endpoint contracts only: the Api in-process.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class LeaveCancelRequestTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static List<string> Actions(JsonElement leave) =>
        leave.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToList();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await Json(response)).GetProperty("code").GetString());
    }

    private Task<long> MailsAsync(string kind, string leaveId) => CompanyTestKit.ScalarAsync(app,
        "SELECT count(*) FROM outbox_messages WHERE kind = $1 AND payload::jsonb->>'leaveId' = $2", kind, leaveId);

    private static async Task<decimal> PaidAsync(ApiSession reader, TestCompany team, string membershipId)
    {
        var balances = await reader.Http.GetFromJsonAsync<List<JsonElement>>(team.Url($"/memberships/{membershipId}/leave-balances"));
        return balances!.Single(b => b.GetProperty("type").GetString() == "PAID").GetProperty("remainingDays").GetDecimal();
    }

    /// <summary>A team (admin and manager), an employee with 10 PAID days, and their approved 2-day leave in a few weeks.</summary>
    private async Task<(TestCompany Team, ApiSession Manager, ApiSession Member, string MembershipId, string LeaveId, string RequestUrl)> ApprovedLeaveAsync(int weeks)
    {
        var team = await TestCompany.CreateAsync(app);
        var (manager, _) = await team.AddMemberAsync(app, role: "MANAGER", name: "Max Manager");
        var (member, membershipId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: weeks);
        var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await manager.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" })).StatusCode);
        return (team, manager, member, membershipId, leaveId, $"{team.LeavesUrl(membershipId)}/{leaveId}/cancel-request");
    }

    [Fact]
    public async Task The_managers_are_told_of_a_request_to_cancel_and_accepting_it_gives_the_days_back_and_tells_the_member()
    {
        var (team, manager, member, membershipId, leaveId, requestUrl) = await ApprovedLeaveAsync(weeks: 3);
        Assert.Equal(["request-cancel"], Actions((await member.LeavesAsync(team.CompanyId, membershipId)).Single()));

        var asked = await member.Http.PostAsJsonAsync(requestUrl, new { reason = "  The trip is off " });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var leave = await Json(asked);
        Assert.Equal(("APPROVED", "The trip is off"), (leave.GetProperty("status").GetString(), leave.GetProperty("cancelRequestReason").GetString()));
        Assert.NotEqual(JsonValueKind.Null, leave.GetProperty("cancelRequestedAt").ValueKind);
        Assert.Equal(["withdraw-cancel"], Actions(leave)); // asked once: nothing more to do but wait, or take it back
        Assert.Equal(8m, await PaidAsync(member, team, membershipId)); // nothing moves before a manager answers
        Assert.Equal(2L, await MailsAsync("leave.cancel-requested", leaveId)); // the admin and the manager
        await AssertProblemAsync(await member.Http.PostAsJsonAsync(requestUrl, new { }), HttpStatusCode.Conflict, "cancel-already-requested");

        // The managers' queue of requests; an employee has none.
        var queue = await manager.Http.GetFromJsonAsync<JsonElement>(team.Url("/cancel-requests"));
        var open = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal((leaveId, "Eve Employee", "The trip is off"),
            (open.GetProperty("id").GetString(), open.GetProperty("memberName").GetString(), open.GetProperty("cancelRequestReason").GetString()));
        Assert.Equal(["cancel", "decline-cancel"], Actions(open));
        await AssertProblemAsync(await member.Http.GetAsync(team.Url("/cancel-requests")), HttpStatusCode.Forbidden, "manager-only-company-view");

        // Accepting is canceling: the refund, the answer mailed (not the plain "canceled" mail), the request closed.
        Assert.Equal(HttpStatusCode.OK, (await manager.Http.PostAsJsonAsync($"{team.LeavesUrl(membershipId)}/{leaveId}/cancel", new { })).StatusCode);

        Assert.Equal(10m, await PaidAsync(member, team, membershipId));
        Assert.Equal(1L, await MailsAsync("leave.cancel-answered", leaveId));
        Assert.Equal(0L, await MailsAsync("leave.canceled", leaveId));
        Assert.Equal(0, (await manager.Http.GetFromJsonAsync<JsonElement>(team.Url("/cancel-requests"))).GetProperty("total").GetInt32());
        var steps = await member.Http.GetFromJsonAsync<List<JsonElement>>($"{team.LeavesUrl(membershipId)}/{leaveId}/history");
        Assert.Equal(["SUBMITTED", "APPROVED", "CANCEL_REQUESTED", "CANCELED"], steps!.Select(s => s.GetProperty("transition").GetString()));
        Assert.Equal("The trip is off", steps![2].GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_manager_declines_with_a_note_the_leave_stays_approved_and_the_member_may_ask_again()
    {
        var (team, manager, member, membershipId, leaveId, requestUrl) = await ApprovedLeaveAsync(weeks: 5);
        Assert.Equal(HttpStatusCode.OK, (await member.Http.PostAsJsonAsync(requestUrl, new { })).StatusCode);
        var declineUrl = team.Url($"/leaves/{leaveId}/cancel-request/decline");
        var (peer, _) = await team.AddMemberAsync(app, name: "Mallory Peer");
        var stranger = await TestCompany.CreateAsync(app);

        // Without a reason, from a colleague, from another company, on one's own request: refused, nothing changes.
        await (await manager.Http.PostAsJsonAsync(declineUrl, new { managerNote = " \t " })).AssertFieldErrorAsync("managerNote");
        await AssertProblemAsync(await peer.Http.PostAsJsonAsync(declineUrl, new { managerNote = "No" }), HttpStatusCode.Forbidden, "review-needs-manager");
        await AssertProblemAsync(await member.Http.PostAsJsonAsync(declineUrl, new { managerNote = "No" }), HttpStatusCode.Forbidden, "review-needs-manager");
        await AssertProblemAsync(await stranger.Admin.Http.PostAsJsonAsync(declineUrl, new { managerNote = "No" }), HttpStatusCode.Forbidden, "review-needs-manager");
        await AssertProblemAsync(await stranger.Admin.Http.PostAsJsonAsync(stranger.Url($"/leaves/{leaveId}/cancel-request/decline"), new { managerNote = "No" }),
            HttpStatusCode.NotFound, "leave-not-found");
        Assert.Equal(1, (await manager.Http.GetFromJsonAsync<JsonElement>(team.Url("/cancel-requests"))).GetProperty("total").GetInt32());

        var declined = await manager.Http.PostAsJsonAsync(declineUrl, new { managerNote = " Busiest week of the year " });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var leave = await Json(declined);
        Assert.Equal(("APPROVED", JsonValueKind.Null), (leave.GetProperty("status").GetString(), leave.GetProperty("cancelRequestedAt").ValueKind));
        Assert.Equal(8m, await PaidAsync(member, team, membershipId));
        Assert.Equal(1L, await CompanyTestKit.ScalarAsync(app,
            "SELECT count(*) FROM outbox_messages WHERE kind = 'leave.cancel-answered' AND payload::jsonb->>'leaveId' = $1 " +
            "AND payload::jsonb->>'status' = 'APPROVED' AND payload::jsonb->>'managerNote' = 'Busiest week of the year'", leaveId));
        await AssertProblemAsync(await team.Admin.Http.PostAsJsonAsync(declineUrl, new { managerNote = "Also no" }), HttpStatusCode.Conflict, "no-cancel-request");
        var steps = await member.Http.GetFromJsonAsync<List<JsonElement>>($"{team.LeavesUrl(membershipId)}/{leaveId}/history");
        Assert.Equal(("CANCEL_DECLINED", "Max Manager", "Busiest week of the year"),
            (steps![^1].GetProperty("transition").GetString(), steps[^1].GetProperty("actorName").GetString(), steps[^1].GetProperty("note").GetString()));
        Assert.Equal(["request-cancel"], Actions((await member.LeavesAsync(team.CompanyId, membershipId)).Single()));
    }

    [Fact]
    public async Task Only_the_member_asks_for_an_approved_future_leave_with_a_clean_reason()
    {
        var (team, manager, member, membershipId, leaveId, requestUrl) = await ApprovedLeaveAsync(weeks: 7);
        var (peer, _) = await team.AddMemberAsync(app, name: "Mallory Peer");
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 9);
        var pendingId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday);

        await AssertProblemAsync(await peer.Http.PostAsJsonAsync(requestUrl, new { }), HttpStatusCode.Forbidden, "not-allowed");
        // A manager cancels directly; asking on the member's behalf is not theirs to do.
        await AssertProblemAsync(await manager.Http.PostAsJsonAsync(requestUrl, new { }), HttpStatusCode.Forbidden, "not-allowed");
        await AssertProblemAsync(await member.Http.PostAsJsonAsync($"{team.LeavesUrl(membershipId)}/{pendingId}/cancel-request", new { }),
            HttpStatusCode.Conflict, "cancel-it-yourself");
        await AssertProblemAsync(await member.Http.PostAsJsonAsync(requestUrl, new { version = 0 }), HttpStatusCode.Conflict, "stale-leave");
        await (await member.Http.PostAsJsonAsync(requestUrl, new { reason = "Bad\u0007bell" })).AssertFieldErrorAsync("reason");
        await (await member.Http.PostAsJsonAsync(requestUrl, new { reason = new string('x', 501) })).AssertFieldErrorAsync("reason");

        Assert.Equal(0, (await manager.Http.GetFromJsonAsync<JsonElement>(team.Url("/cancel-requests"))).GetProperty("total").GetInt32());
        Assert.Equal(0L, await MailsAsync("leave.cancel-requested", leaveId));
        var leave = (await member.LeavesAsync(team.CompanyId, membershipId)).Single(l => l.GetProperty("id").GetString() == leaveId);
        Assert.Equal(JsonValueKind.Null, leave.GetProperty("cancelRequestedAt").ValueKind);
    }

    [Fact]
    public async Task The_member_takes_the_request_back_the_managers_see_it_no_more_and_nobody_else_can()
    {
        var (team, manager, member, membershipId, leaveId, requestUrl) = await ApprovedLeaveAsync(weeks: 11);
        var withdrawUrl = $"{requestUrl}/withdraw";
        var (peer, _) = await team.AddMemberAsync(app, name: "Mallory Peer");
        var stranger = await TestCompany.CreateAsync(app);
        // Nothing to take back before asking.
        await AssertProblemAsync(await member.Http.PostAsJsonAsync(withdrawUrl, new { }), HttpStatusCode.Conflict, "no-cancel-request");
        var asked = await Json(await member.Http.PostAsJsonAsync(requestUrl, new { reason = "The trip is off" }));
        Assert.Equal(1, (await manager.GetJsonAsync(team.Url())).GetProperty("pendingReviews").GetInt32());

        // A colleague, a manager (who answers instead), another company's admin, a stale version: refused, the request stays.
        await AssertProblemAsync(await peer.Http.PostAsJsonAsync(withdrawUrl, new { }), HttpStatusCode.Forbidden, "not-allowed");
        await AssertProblemAsync(await manager.Http.PostAsJsonAsync(withdrawUrl, new { }), HttpStatusCode.Forbidden, "not-allowed");
        await AssertProblemAsync(await stranger.Admin.Http.PostAsJsonAsync(withdrawUrl, new { }), HttpStatusCode.Forbidden, "not-allowed");
        await AssertProblemAsync(await stranger.Admin.Http.PostAsJsonAsync($"{stranger.LeavesUrl(stranger.AdminMembershipId)}/{leaveId}/cancel-request/withdraw", new { }),
            HttpStatusCode.NotFound, "leave-not-found");
        await AssertProblemAsync(await member.Http.PostAsJsonAsync(withdrawUrl, new { version = asked.GetProperty("version").GetInt32() - 1 }),
            HttpStatusCode.Conflict, "stale-leave");
        await (await member.Http.PostAsync(withdrawUrl, CompanyTestKit.Json("""{"version":"one"}"""))).AssertFieldErrorAsync("version");
        Assert.Equal(1, (await manager.Http.GetFromJsonAsync<JsonElement>(team.Url("/cancel-requests"))).GetProperty("total").GetInt32());

        var withdrawn = await member.Http.PostAsJsonAsync(withdrawUrl, new { version = asked.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var leave = await Json(withdrawn);
        Assert.Equal(("APPROVED", JsonValueKind.Null, JsonValueKind.Null),
            (leave.GetProperty("status").GetString(), leave.GetProperty("cancelRequestedAt").ValueKind, leave.GetProperty("cancelRequestReason").ValueKind));
        Assert.Equal(["request-cancel"], Actions(leave)); // and may ask again
        Assert.Equal(8m, await PaidAsync(member, team, membershipId));
        Assert.Equal(0, (await manager.Http.GetFromJsonAsync<JsonElement>(team.Url("/cancel-requests"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await manager.GetJsonAsync(team.Url())).GetProperty("pendingReviews").GetInt32());
        // Too late for the managers: nothing is left to answer.
        await AssertProblemAsync(await manager.Http.PostAsJsonAsync(team.Url($"/leaves/{leaveId}/cancel-request/decline"), new { managerNote = "No" }),
            HttpStatusCode.Conflict, "no-cancel-request");
        await AssertProblemAsync(await member.Http.PostAsJsonAsync(withdrawUrl, new { }), HttpStatusCode.Conflict, "no-cancel-request");
        var steps = await member.Http.GetFromJsonAsync<List<JsonElement>>($"{team.LeavesUrl(membershipId)}/{leaveId}/history");
        Assert.Equal(["SUBMITTED", "APPROVED", "CANCEL_REQUESTED", "CANCEL_WITHDRAWN"], steps!.Select(s => s.GetProperty("transition").GetString()));
        Assert.Equal("Eve Employee", steps![^1].GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task An_open_request_to_cancel_counts_on_the_approvals_tab_of_every_manager_but_its_owner()
    {
        var (team, manager, member, membershipId, _, requestUrl) = await ApprovedLeaveAsync(weeks: 13);
        Assert.Equal(0, (await manager.GetJsonAsync(team.Url())).GetProperty("pendingReviews").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await member.Http.PostAsJsonAsync(requestUrl, new { })).StatusCode);

        Assert.Equal(1, (await manager.GetJsonAsync(team.Url())).GetProperty("pendingReviews").GetInt32());
        Assert.Equal(1, (await team.Admin.GetJsonAsync(team.Url())).GetProperty("pendingReviews").GetInt32());
        // The member's own request is not theirs to answer, though they became a manager since asking.
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(team.Url($"/memberships/{membershipId}"), new { role = "MANAGER" })).StatusCode);
        Assert.Equal(0, (await member.GetJsonAsync(team.Url())).GetProperty("pendingReviews").GetInt32());
        // Another company's managers count only their own.
        var other = await TestCompany.CreateAsync(app);
        Assert.Equal(0, (await other.Admin.GetJsonAsync(other.Url())).GetProperty("pendingReviews").GetInt32());
    }
}
