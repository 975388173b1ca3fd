namespace Arkoa.Web.Api;

/// <summary>A team of the company as the Api lists it (SPEC §10): its place in the tree, member count and managers.</summary>
public sealed record CompanyTeam(
    string Id, string Name, string? ParentTeamId, bool IsDefault, int MemberCount, IReadOnlyList<CompanyTeamManager> Managers,
    bool CallerIsMember = false, bool CallerPrimary = false, int? MinimumPresent = null, int? MaximumAbsent = null)
{
    /// <summary>Whether the team has a coverage rule (SPEC §12).</summary>
    public bool HasCoverageRule => MinimumPresent is not null || MaximumAbsent is not null;
}

/// <summary>A team manager: the membership and the person's name.</summary>
public sealed record CompanyTeamManager(string MembershipId, string Name);

/// <summary>A member of a team, their role in the company, and whether it is their primary team.</summary>
public sealed record CompanyTeamMember(string MembershipId, string Name, string Role, bool IsPrimary);

internal sealed record SaveTeamRequest(string Name, string? ParentTeamId);

internal sealed record AddTeamMemberRequest(string MembershipId, bool IsPrimary);

internal sealed record AddTeamManagerRequest(string MembershipId);
