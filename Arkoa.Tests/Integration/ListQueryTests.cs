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
}
