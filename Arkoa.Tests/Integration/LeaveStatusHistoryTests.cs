using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Issue 15 §1 over HTTP: each leave's status history (GET …/leaves/{id}/history), the <c>allowedActions</c> the Api
/// computes for the caller, and the stable problem codes of the lifecycle's refusals; a colleague sees none of it.
/// Endpoint contracts only: the Api in-process.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class LeaveStatusHistoryTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static List<string> Actions(JsonElement leave) =>
        leave.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToList();

    private static async Task<string> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Every_step_of_a_leave_is_kept_with_who_when_the_statuses_and_why()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 3);
        var leaves = team.LeavesUrl(membershipId);
        var leaveId = await CreatedIdAsync(await member.Http.PostAsJsonAsync(leaves,
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(1).Iso(), reason = "Ski trip" }));

        Assert.Equal(HttpStatusCode.OK, (await member.Http.PatchAsJsonAsync($"{leaves}/{leaveId}",
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(2).Iso(), reason = "Longer ski trip" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED", managerNote = "Enjoy" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync($"{leaves}/{leaveId}/cancel", new { })).StatusCode);

        foreach (var reader in new[] { member, team.Admin })
        {
            var steps = await reader.Http.GetFromJsonAsync<List<JsonElement>>($"{leaves}/{leaveId}/history");
            Assert.Equal(
                [("SUBMITTED", null, "PENDING", "Eve Employee", "Ski trip"), ("EDITED", "PENDING", "PENDING", "Eve Employee", "Longer ski trip"),
                 ("APPROVED", "PENDING", "APPROVED", "Ada Admin", "Enjoy"), ("CANCELED", "APPROVED", "CANCELED", "Ada Admin", null)],
                steps!.Select(s => (s.GetProperty("transition").GetString(), s.GetProperty("fromStatus").GetString(), s.GetProperty("toStatus").GetString(),
                    s.GetProperty("actorName").GetString(), s.GetProperty("note").GetString())));
            var times = steps!.Select(s => s.GetProperty("at").GetDateTime()).ToList();
            Assert.Equal(times.Order(), times);
        }

        // The leave still shows only the last review, as before.
        var leave = (await member.LeavesAsync(team.CompanyId, membershipId)).Single();
        Assert.Equal(("Enjoy", "CANCELED"), (leave.GetProperty("managerNote").GetString(), leave.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_colleague_or_another_company_sees_neither_the_history_nor_the_actions_of_someone_else_s_leave()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        var (peer, peerMembershipId) = await team.AddMemberAsync(app, name: "Mallory Peer");
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 5);
        var leaveId = await CreatedIdAsync(await member.Http.PostAsJsonAsync(team.LeavesUrl(membershipId),
            new { type = "SICK", startDate = monday.Iso(), endDate = monday.Iso(), reason = "Private matter" }));
        var stranger = await TestCompany.CreateAsync(app);

        var peerHistory = await peer.Http.GetAsync($"{team.LeavesUrl(membershipId)}/{leaveId}/history");
        var peerList = await peer.Http.GetAsync(team.LeavesUrl(membershipId));
        var strangerHistory = await stranger.Admin.Http.GetAsync($"{team.LeavesUrl(membershipId)}/{leaveId}/history");
        // Through the peer's own membership the leave is not theirs: not found, and nothing is said about it.
        var viaOwnMembership = await peer.Http.GetAsync($"{team.LeavesUrl(peerMembershipId)}/{leaveId}/history");

        foreach (var refused in new[] { peerHistory, peerList, strangerHistory })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("Private matter", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, viaOwnMembership.StatusCode);
        Assert.Equal("leave-not-found", (await Json(viaOwnMembership)).GetProperty("code").GetString());
        // And the peer cannot act on it either, whatever the Web would show.
        var cancel = await peer.Http.PostAsJsonAsync($"{team.LeavesUrl(membershipId)}/{leaveId}/cancel", new { });
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal("https://arkoa.dev/problems/not-allowed", (await Json(cancel)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Allowed_actions_follow_the_caller_the_status_and_the_day()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        var (manager, managerMembershipId) = await team.AddMemberAsync(app, role: "MANAGER", name: "Max Manager");
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 7);
        var leaves = team.LeavesUrl(membershipId);
        var created = await member.Http.PostAsJsonAsync(leaves, new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdLeave = await Json(created);
        var leaveId = createdLeave.GetProperty("id").GetString()!;
        var ownId = await CreatedIdAsync(await manager.Http.PostAsJsonAsync(team.LeavesUrl(managerMembershipId),
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso() }));

        // PENDING: the owner edits, cancels or deletes; a manager also reviews, but never their own request.
        Assert.Equal(["edit", "cancel", "delete"], Actions(createdLeave));
        Assert.Equal(["edit", "cancel", "delete", "approve", "reject"], Actions((await manager.LeavesAsync(team.CompanyId, membershipId)).Single()));
        var queue = await manager.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{team.CompanyId}/leaves?status=PENDING");
        var byId = queue.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal(["edit", "cancel", "delete", "approve", "reject"], Actions(byId[leaveId]));
        Assert.Equal(["edit", "cancel", "delete"], Actions(byId[ownId]));
        // The company list is cached for all managers: the admin's answer is computed for the admin, not the manager.
        var adminQueue = await team.Admin.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{team.CompanyId}/leaves?status=PENDING");
        Assert.All(adminQueue.GetProperty("items").EnumerateArray(), l => Assert.Contains("approve", Actions(l)));

        // APPROVED and in the future: only a manager may still cancel it; its member may ask them to (issue 14 §7).
        var approved = await manager.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" });
        Assert.Equal(["cancel"], Actions(await Json(approved)));
        Assert.Equal(["request-cancel"], Actions((await member.LeavesAsync(team.CompanyId, membershipId)).Single()));
        var ownerCancel = await member.Http.PostAsJsonAsync($"{leaves}/{leaveId}/cancel", new { });
        Assert.Equal(HttpStatusCode.Forbidden, ownerCancel.StatusCode);
        Assert.Equal("approved-cancel-needs-manager", (await Json(ownerCancel)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Lifecycle_refusals_carry_their_code_type_and_values()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 2);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 9);
        var leaves = team.LeavesUrl(membershipId);

        var insufficient = await member.Http.PostAsJsonAsync(leaves, new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(2).Iso() });
        Assert.Equal(HttpStatusCode.BadRequest, insufficient.StatusCode);
        var problem = await Json(insufficient);
        Assert.Equal("https://arkoa.dev/problems/insufficient-balance", problem.GetProperty("type").GetString());
        Assert.Equal("insufficient-balance", problem.GetProperty("code").GetString());
        Assert.Equal((3m, 2m), (problem.GetProperty("requested").GetDecimal(), problem.GetProperty("remaining").GetDecimal()));
        Assert.Equal("Insufficient balance: 3 days requested, 2.00 remaining.", problem.GetProperty("errors").GetProperty("type")[0].GetString());

        await CreatedIdAsync(await member.Http.PostAsJsonAsync(leaves, new { type = "PAID", startDate = monday.Iso(), endDate = monday.Iso() }));
        var overlap = await member.Http.PostAsJsonAsync(leaves, new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.AddDays(1).Iso() });
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        problem = await Json(overlap);
        Assert.Equal(("leave-overlap", "This leave overlaps another pending or approved leave."),
            (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString()));
    }
}
