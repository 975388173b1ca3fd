using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Separation of duties (issue 13): nobody adjusts their own balance, a manager's or an admin's balance needs an admin,
/// a deactivated member's leaves can only be canceled. The table tries every role against every kind of member for
/// each action, and checks that a refusal changes nothing and an allowed action does what it says.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class SeparationOfDutiesTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static readonly string[] Targets = ["self", "other employee", "manager", "admin", "deactivated member", "other company"];

    // Expected status per action and caller role, for the targets in the order above.
    private static readonly Dictionary<(string Action, string Caller), int[]> Expected = new()
    {
        [("adjust", "EMPLOYEE")] = [403, 403, 403, 403, 403, 403],
        [("adjust", "MANAGER")] = [403, 200, 403, 403, 409, 403],
        [("adjust", "ADMIN")] = [403, 200, 200, 200, 409, 403],
        [("edit", "EMPLOYEE")] = [200, 403, 403, 403, 403, 403],
        [("edit", "MANAGER")] = [200, 200, 200, 200, 409, 403],
        [("edit", "ADMIN")] = [200, 200, 200, 200, 409, 403],
        [("review", "EMPLOYEE")] = [403, 403, 403, 403, 403, 403],
        [("review", "MANAGER")] = [403, 200, 200, 200, 409, 403],
        [("review", "ADMIN")] = [403, 200, 200, 200, 409, 403],
        [("cancel", "EMPLOYEE")] = [200, 403, 403, 403, 403, 403],
        [("cancel", "MANAGER")] = [200, 200, 200, 200, 200, 403],
        [("cancel", "ADMIN")] = [200, 200, 200, 200, 200, 403],
    };

    public static TheoryData<string, string, string, int> Table()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var ((action, caller), statuses) in Expected)
        {
            for (var i = 0; i < Targets.Length; i++) data.Add(action, caller, Targets[i], statuses[i]);
        }
        return data;
    }

    /// <summary>Two companies shared by every case of the table; each case works on a fresh leave in its own week.</summary>
    private sealed record World(
        string CompanyId, ApiSession Admin, string AdminId, ApiSession Manager, string ManagerId, ApiSession Employee, string EmployeeId,
        string OtherAdminId, string OtherManagerId, string OtherEmployeeId, string DeactivatedId,
        string OtherCompanyId, ApiSession OtherCompanyAdmin, string OtherCompanyEmployeeId);

    private static Task<World>? _world;
    private static int _week;

    private Task<World> WorldAsync() => _world ??= CreateWorldAsync();

    private async Task<World> CreateWorldAsync()
    {
        var team = await CreateTeamAsync(app);
        async Task<string> AddAsync(string role) => await team.Admin.AddMemberAsync(team.CompanyId, await ApiSession.SignUpAsync(app), role);
        var (otherAdmin, otherManager, otherEmployee, deactivated) = (await AddAsync("ADMIN"), await AddAsync("MANAGER"), await AddAsync("EMPLOYEE"), await AddAsync("EMPLOYEE"));
        await SetActiveAsync(team.Admin, team.CompanyId, deactivated, false);
        var elsewhere = await CreateTeamAsync(app);
        return new World(team.CompanyId, team.Admin, team.AdminMembershipId, team.Manager, team.ManagerMembershipId, team.Employee,
            team.EmployeeMembershipId, otherAdmin, otherManager, otherEmployee, deactivated, elsewhere.CompanyId, elsewhere.Admin,
            elsewhere.EmployeeMembershipId);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Who_may_adjust_edit_review_and_cancel_for_whom(string action, string caller, string target, int expected)
    {
        var world = await WorldAsync();
        var (actor, actorId) = caller switch
        {
            "EMPLOYEE" => (world.Employee, world.EmployeeId),
            "MANAGER" => (world.Manager, world.ManagerId),
            _ => (world.Admin, world.AdminId),
        };
        var (companyId, membershipId, reader) = target switch
        {
            "self" => (world.CompanyId, actorId, world.Admin),
            "other employee" => (world.CompanyId, world.OtherEmployeeId, world.Admin),
            "manager" => (world.CompanyId, caller == "MANAGER" ? world.OtherManagerId : world.ManagerId, world.Admin),
            "admin" => (world.CompanyId, world.OtherAdminId, world.Admin),
            "deactivated member" => (world.CompanyId, world.DeactivatedId, world.Admin),
            _ => (world.OtherCompanyId, world.OtherCompanyEmployeeId, world.OtherCompanyAdmin),
        };
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: Interlocked.Increment(ref _week));
        var leaveId = action == "adjust" ? null : await PendingLeaveAsync(reader, companyId, membershipId, monday, target == "deactivated member");
        var before = await StateAsync(reader, companyId, membershipId, leaveId);

        var url = $"/api/companies/{companyId}/memberships/{membershipId}";
        var response = action switch
        {
            "adjust" => await actor.Http.PostAsJsonAsync($"{url}/leave-balances",
                new { type = "PAID", change = 1, reason = "Separation of duties", historyType = "MANUEL_CREDIT" }),
            "edit" => await actor.PatchAsync($"{url}/leaves/{leaveId}",
                new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.AddDays(3).Iso() }),
            "review" => await actor.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{leaveId}/review", new { status = "APPROVED" }),
            _ => await actor.Http.PostAsJsonAsync($"{url}/leaves/{leaveId}/cancel", new { }),
        };

        Assert.Equal(expected, (int)response.StatusCode);
        var after = await StateAsync(reader, companyId, membershipId, leaveId);
        if (expected != 200)
        {
            Assert.Equal(before, after);
            return;
        }
        Assert.Equal(action switch
        {
            "adjust" => (before.Paid + 1, (string?)null, (string?)null),
            "edit" => (before.Paid, "PENDING", monday.AddDays(3).Iso()),
            "review" => (before.Paid, "APPROVED", before.EndDate),
            _ => (before.Paid, "CANCELED", before.EndDate),
        }, (after.Paid, after.Status, after.EndDate));
    }

    [Fact]
    public async Task Each_refusal_says_why()
    {
        var world = await WorldAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: Interlocked.Increment(ref _week));
        var deactivatedLeave = await PendingLeaveAsync(world.Admin, world.CompanyId, world.DeactivatedId, monday, deactivated: true);
        var deactivatedUrl = $"/api/companies/{world.CompanyId}/memberships/{world.DeactivatedId}";
        var credit = new { type = "PAID", change = 1, reason = "Why", historyType = "MANUEL_CREDIT" };

        var own = await world.Admin.Http.PostAsJsonAsync($"/api/companies/{world.CompanyId}/memberships/{world.AdminId}/leave-balances", credit);
        Assert.Equal("Nobody adjusts their own balance: another admin must do it.", await DetailAsync(own, HttpStatusCode.Forbidden));
        var managers = await world.Manager.Http.PostAsJsonAsync($"/api/companies/{world.CompanyId}/memberships/{world.OtherManagerId}/leave-balances", credit);
        Assert.Equal("Only an admin can adjust a manager's or an admin's balance.", await DetailAsync(managers, HttpStatusCode.Forbidden));
        var frozen = await world.Admin.Http.PostAsJsonAsync($"{deactivatedUrl}/leave-balances", credit);
        Assert.Equal("This membership is deactivated.", await DetailAsync(frozen, HttpStatusCode.Conflict));
        foreach (var refused in new[]
        {
            await world.Admin.PatchAsync($"{deactivatedUrl}/leaves/{deactivatedLeave}", new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.AddDays(3).Iso() }),
            await world.Admin.Http.PostAsJsonAsync($"/api/companies/{world.CompanyId}/leaves/{deactivatedLeave}/review", new { status = "REJECTED", managerNote = "No" }),
            await world.Admin.Http.DeleteAsync($"{deactivatedUrl}/leaves/{deactivatedLeave}"),
        })
        {
            Assert.Equal("This membership is deactivated: its leaves can only be canceled.", await DetailAsync(refused, HttpStatusCode.Conflict));
        }
        Assert.Equal("PENDING", (await StateAsync(world.Admin, world.CompanyId, world.DeactivatedId, deactivatedLeave)).Status);
    }

    [Fact]
    public async Task A_deactivated_member_s_pending_and_future_approved_leaves_are_canceled_with_their_days_back()
    {
        var team = await CreateTeamAsync(app);
        var (companyId, employeeId) = (team.CompanyId, team.EmployeeMembershipId);
        var url = $"/api/companies/{companyId}/memberships/{employeeId}";
        await team.Admin.CreditAsync(companyId, employeeId, "PAID", 10);
        var paid = await team.Admin.BalanceAsync(companyId, employeeId, "PAID");
        var monday = TestDates.FebruaryMondayNextYear();
        var pending = await team.Employee.CreateLeaveAsync(companyId, employeeId, "PAID", monday, monday.AddDays(1));
        var approved = await team.Employee.CreateLeaveAsync(companyId, employeeId, "PAID", monday.AddDays(7), monday.AddDays(9));
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{approved}/review", new { status = "APPROVED" })).StatusCode);
        Assert.Equal(paid - 5, await team.Admin.BalanceAsync(companyId, employeeId, "PAID"));

        // DELETE on a membership deactivates it; its leaves stay, and only cancelling them is left.
        Assert.Equal(HttpStatusCode.NoContent, (await team.Manager.Http.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Manager.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{pending}/review", new { status = "APPROVED" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.PostAsJsonAsync($"{url}/leaves/{pending}/cancel", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.PostAsJsonAsync($"{url}/leaves/{approved}/cancel", new { })).StatusCode);

        Assert.Equal(paid, await team.Admin.BalanceAsync(companyId, employeeId, "PAID"));
        var refunds = (await team.Admin.HistoryAsync(companyId, employeeId)).Where(h => h.GetProperty("type").GetString() == "LEAVE_REFUND");
        Assert.Equal(5m, refunds.Sum(h => h.GetProperty("change").GetDecimal()));
        Assert.All(await team.Admin.LeavesAsync(companyId, employeeId), l => Assert.Equal("CANCELED", l.GetProperty("status").GetString()));
    }

    /// <summary>What the actions can change, as a manager of the target's company reads it (the version moves with any change).</summary>
    private sealed record TargetState(decimal Paid, string? Status, string? EndDate, int? Version);

    private static async Task<TargetState> StateAsync(ApiSession reader, string companyId, string membershipId, string? leaveId)
    {
        var paid = await reader.BalanceAsync(companyId, membershipId, "PAID");
        if (leaveId is null) return new TargetState(paid, null, null, null);
        var leave = (await reader.LeavesAsync(companyId, membershipId)).Single(l => l.GetProperty("id").GetString() == leaveId);
        return new TargetState(paid, leave.GetProperty("status").GetString(), leave.GetProperty("endDate").GetString(), leave.GetProperty("version").GetInt32());
    }

    /// <summary>
    /// An UNPAID leave of the member from Monday to Friday (a whole week always has working days, whatever the public
    /// holidays), made by a manager; a deactivated member is reactivated for the moment.
    /// </summary>
    private static async Task<string> PendingLeaveAsync(ApiSession manager, string companyId, string membershipId, DateOnly monday, bool deactivated)
    {
        if (deactivated) await SetActiveAsync(manager, companyId, membershipId, true);
        var leaveId = await manager.CreateLeaveAsync(companyId, membershipId, "UNPAID", monday, monday.AddDays(4));
        if (deactivated) await SetActiveAsync(manager, companyId, membershipId, false);
        return leaveId;
    }

    private static async Task SetActiveAsync(ApiSession admin, string companyId, string membershipId, bool active) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync($"/api/companies/{companyId}/memberships/{membershipId}", new { active })).StatusCode);

    private static async Task<string?> DetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
    }
}
