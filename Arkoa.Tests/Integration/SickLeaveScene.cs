using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// A company in which Sam Martin, an employee, is on approved sick leave (with a reason) from Monday to Friday of this
/// week, and the manager is on approved training the same week: what a colleague, a manager and Sam look at through
/// every channel in the privacy tests.
/// </summary>
public sealed record SickLeaveScene(Team Team, ApiSession Sam, string SamId, string SickLeaveId, string TrainingLeaveId, DateOnly Monday)
{
    public const string SamName = "Sam Martin";
    public const string Reason = "Flu, doctor's note until Friday";

    /// <summary>The three who look, "colleague" (an employee), "manager" and "person" (Sam), each in "en" and "fr".</summary>
    public static TheoryData<string, string> ViewersAndLanguages() => new()
    {
        { "colleague", "en" }, { "colleague", "fr" }, { "manager", "en" }, { "manager", "fr" }, { "person", "en" }, { "person", "fr" },
    };

    public string CompanyId => Team.CompanyId;

    public ApiSession Viewer(string viewer) => viewer switch
    {
        "colleague" => Team.Employee,
        "manager" => Team.Manager,
        "person" => Sam,
        _ => throw new ArgumentOutOfRangeException(nameof(viewer)),
    };

    /// <summary>How the sick leave's type reads to <paramref name="viewer"/> in <paramref name="language"/>.</summary>
    public static string SickLabel(string viewer, string language) => (viewer, language) switch
    {
        ("colleague", "en") => "Absent",
        ("colleague", _) => "Absence",
        (_, "en") => "Sick leave",
        _ => "Arrêt maladie",
    };

    public static string TrainingLabel(string language) => language == "en" ? "Training" : "Formation";

    public static async Task<SickLeaveScene> CreateAsync(IArkoaApi app)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var sam = await ApiSession.SignUpAsync(app, SamName);
        var samId = await team.Admin.AddMemberAsync(team.CompanyId, sam);
        // This week in the company's zone (Europe/Paris), as the dashboard's "who is off this week" counts it. Monday may
        // be past: a manager records the leaves, as they may.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));

        var sick = await team.Admin.Http.PostAsJsonAsync($"/api/companies/{team.CompanyId}/memberships/{samId}/leaves",
            new { type = "SICK", startDate = monday.Iso(), endDate = monday.AddDays(4).Iso(), reason = Reason });
        Assert.Equal(HttpStatusCode.Created, sick.StatusCode);
        var sickId = (await sick.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await ApproveAsync(team.Manager, team.CompanyId, sickId);
        var trainingId = await team.Admin.CreateLeaveAsync(team.CompanyId, team.ManagerMembershipId, "TRAINING", monday, monday.AddDays(4));
        await ApproveAsync(team.Admin, team.CompanyId, trainingId);
        return new SickLeaveScene(team, sam, samId, sickId, trainingId, monday);
    }

    /// <summary>Sets the account's language, which the Web and the iCal feed speak.</summary>
    public static async Task SetLanguageAsync(ApiSession user, string language) =>
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync("/api/users/me", new { language })).StatusCode);

    private static async Task ApproveAsync(ApiSession manager, string companyId, string leaveId) =>
        Assert.Equal(HttpStatusCode.OK,
            (await manager.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{leaveId}/review", new { status = "APPROVED" })).StatusCode);
}
