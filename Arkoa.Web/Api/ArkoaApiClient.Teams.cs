namespace Arkoa.Web.Api;

// The Teams page: the company's tree of teams, their members and managers (admins change them).
public sealed partial class ArkoaApiClient
{
    public Task<ApiResult<List<CompanyTeam>>> GetTeamsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<CompanyTeam>>(TeamsUrl(companyId), cancellationToken);

    public Task<ApiResult<List<CompanyTeamMember>>> GetTeamMembersAsync(string companyId, string teamId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<CompanyTeamMember>>($"{TeamsUrl(companyId)}/{Uri.EscapeDataString(teamId)}/members", cancellationToken);

    public Task<ApiProblem?> CreateTeamAsync(string companyId, string name, string? parentTeamId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, TeamsUrl(companyId), new SaveTeamRequest(name, parentTeamId), cancellationToken);

    public Task<ApiProblem?> UpdateTeamAsync(string companyId, string teamId, string name, string? parentTeamId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Put, TeamUrl(companyId, teamId), new SaveTeamRequest(name, parentTeamId), cancellationToken);

    public Task<ApiProblem?> DeleteTeamAsync(string companyId, string teamId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, TeamUrl(companyId, teamId), null, cancellationToken);

    public Task<ApiProblem?> AddTeamMemberAsync(string companyId, string teamId, string membershipId, bool isPrimary, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, $"{TeamUrl(companyId, teamId)}/members", new AddTeamMemberRequest(membershipId, isPrimary), cancellationToken);

    public Task<ApiProblem?> RemoveTeamMemberAsync(string companyId, string teamId, string membershipId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{TeamUrl(companyId, teamId)}/members/{Uri.EscapeDataString(membershipId)}", null, cancellationToken);

    public Task<ApiProblem?> SetPrimaryTeamAsync(string companyId, string teamId, string membershipId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Put, $"{TeamUrl(companyId, teamId)}/members/{Uri.EscapeDataString(membershipId)}/primary", null, cancellationToken);

    public Task<ApiProblem?> AddTeamManagerAsync(string companyId, string teamId, string membershipId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, $"{TeamUrl(companyId, teamId)}/managers", new AddTeamManagerRequest(membershipId), cancellationToken);

    public Task<ApiProblem?> RemoveTeamManagerAsync(string companyId, string teamId, string membershipId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{TeamUrl(companyId, teamId)}/managers/{Uri.EscapeDataString(membershipId)}", null, cancellationToken);

    private static string TeamsUrl(string companyId) => $"{CompanyUrl(companyId)}/teams";

    private static string TeamUrl(string companyId, string teamId) => $"{TeamsUrl(companyId)}/{Uri.EscapeDataString(teamId)}";
}
