using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>A company's team as the Api lists it: its place in the tree, its default flag, member count and managers' memberships.</summary>
public sealed record TeamRow(string Id, string Name, string? ParentTeamId, bool IsDefault, int MemberCount, IReadOnlyList<string> ManagerIds);

/// <summary>A member of a team as the Api lists it.</summary>
public sealed record TeamMemberRow(string MembershipId, string Name, string Role, bool IsPrimary);

/// <summary>
/// Teams (SPEC §10) through the real endpoints: an admin makes a team, puts members in it and names its managers; every
/// helper asserts the Api's success, so a test reads as the organisation it builds.
/// </summary>
public static class TeamTestKit
{
    public static string TeamsUrl(string companyId, string path = "") => $"/api/companies/{companyId}/teams{path}";

    /// <summary>Makes a team (at the top, or under <paramref name="parentTeamId"/>); returns its id.</summary>
    public static async Task<string> AddTeamAsync(this ApiSession admin, string companyId, string name, string? parentTeamId = null)
    {
        var response = await admin.Http.PostAsJsonAsync(TeamsUrl(companyId), new { name, parentTeamId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    public static async Task JoinTeamAsync(this ApiSession admin, string companyId, string teamId, string membershipId, bool isPrimary = false) =>
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PostAsJsonAsync(TeamsUrl(companyId, $"/{teamId}/members"), new { membershipId, isPrimary })).StatusCode);

    public static async Task LeaveTeamAsync(this ApiSession admin, string companyId, string teamId, string membershipId) =>
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync(TeamsUrl(companyId, $"/{teamId}/members/{membershipId}"))).StatusCode);

    public static async Task ManageTeamAsync(this ApiSession admin, string companyId, string teamId, string membershipId) =>
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PostAsJsonAsync(TeamsUrl(companyId, $"/{teamId}/managers"), new { membershipId })).StatusCode);

    public static async Task<List<TeamRow>> TeamsAsync(this ApiSession member, string companyId) =>
        (await member.GetJsonAsync(TeamsUrl(companyId))).EnumerateArray().Select(t => new TeamRow(
            t.GetProperty("id").GetString()!, t.GetProperty("name").GetString()!, t.GetProperty("parentTeamId").GetString(),
            t.GetProperty("isDefault").GetBoolean(), t.GetProperty("memberCount").GetInt32(),
            t.GetProperty("managers").EnumerateArray().Select(m => m.GetProperty("membershipId").GetString()!).ToList())).ToList();

    public static async Task<List<TeamMemberRow>> TeamMembersAsync(this ApiSession member, string companyId, string teamId) =>
        (await member.GetJsonAsync(TeamsUrl(companyId, $"/{teamId}/members"))).EnumerateArray().Select(m => new TeamMemberRow(
            m.GetProperty("membershipId").GetString()!, m.GetProperty("name").GetString()!, m.GetProperty("role").GetString()!,
            m.GetProperty("isPrimary").GetBoolean())).ToList();

    /// <summary>The company's default team, where every member lands.</summary>
    public static async Task<TeamRow> DefaultTeamAsync(this ApiSession member, string companyId) =>
        (await member.TeamsAsync(companyId)).Single(t => t.IsDefault);

    /// <summary>The problem's code, after checking its status.</summary>
    public static async Task<string?> ProblemCodeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
    }
}
