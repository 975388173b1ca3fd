using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Tests.Integration;

namespace Arkoa.Tests.Fuzz;

/// <summary>
/// What the fuzzer aims at: a real company with an admin, a manager and an employee signed in, leaves in each status,
/// a holiday, and a second company whose ids must never be reachable. All made through the test kits.
/// </summary>
public sealed record FuzzWorld(Team Team, Team Other, IReadOnlyList<string> LeaveIds, string OtherLeaveId, string HolidayId, string FeedToken)
{
    public IReadOnlyList<string> CompanyIds => [Team.CompanyId, Other.CompanyId];

    public IReadOnlyList<string> MembershipIds =>
        [Team.AdminMembershipId, Team.ManagerMembershipId, Team.EmployeeMembershipId, Other.EmployeeMembershipId];

    public IReadOnlyList<string> Callers => ["admin", "manager", "employee", "anonymous"];

    public HttpClient Client(ArkoaAppFixture app, string caller) => caller switch
    {
        "admin" => Team.Admin.Http,
        "manager" => Team.Manager.Http,
        "employee" => Team.Employee.Http,
        _ => app.Api(),
    };

    public static async Task<FuzzWorld> CreateAsync(ArkoaAppFixture app)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var other = await CompanyTestKit.CreateTeamAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 10);
        await team.Admin.CreditAsync(team.CompanyId, team.ManagerMembershipId, "RTT", 5);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 1); // February: no public holiday in France

        var pending = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", monday, monday.AddDays(1));
        var approved = await team.Manager.CreateLeaveAsync(team.CompanyId, team.ManagerMembershipId, "RTT", monday, monday);
        Assert.Equal(HttpStatusCode.OK,
            (await team.Admin.Http.PostAsJsonAsync(team.Url($"/leaves/{approved}/review"), new { status = "APPROVED" })).StatusCode);
        var sick = await team.Admin.CreateLeaveAsync(team.CompanyId, team.AdminMembershipId, "SICK", monday.AddDays(7), monday.AddDays(8));
        var otherLeave = await other.Employee.CreateLeaveAsync(other.CompanyId, other.EmployeeMembershipId, "UNPAID", monday, monday);

        var holiday = await team.Admin.Http.PostAsJsonAsync(team.Url("/holidays"), new { date = monday.AddDays(14).Iso(), name = "Fuzz day" });
        Assert.Equal(HttpStatusCode.Created, holiday.StatusCode);
        var link = await team.Admin.GetJsonAsync($"/api/users/me/calendar-link?companyId={team.CompanyId}");
        var feedToken = Uri.UnescapeDataString(link.GetProperty("path").GetString()!.Split("token=")[1]);

        return new FuzzWorld(team, other, [pending, approved, sick], otherLeave,
            (await holiday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, feedToken);
    }
}
