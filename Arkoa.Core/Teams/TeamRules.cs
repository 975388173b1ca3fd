using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;

namespace Arkoa.Core.Teams;

/// <summary>
/// Who may change a company's teams and what a change must keep true (SPEC §10): only an admin changes teams; a name is
/// not blank and is unique in the company ignoring case; a team never ends up under itself; a team with sub-teams, or
/// the default team, is not deleted; only an active member of the company joins or manages a team. Read under the
/// company lock when a change follows, so two admins cannot take the same name at once.
/// </summary>
public static class TeamRules
{
    public static DomainError? CheckChange(MembershipState caller) => caller is { IsAdmin: true, Active: true } ? null : TeamErrors.AdminOnly;

    /// <summary>
    /// A name for a new team (<paramref name="teamId"/> null) or a team renamed: not blank, no other team of the company
    /// named alike ignoring case. <paramref name="name"/> is the trimmed name.
    /// </summary>
    public static DomainError? CheckName(string name, Guid? teamId, IEnumerable<(Guid Id, string Name)> companyTeams) =>
        name.Length == 0 ? TeamErrors.NameBlank
        : companyTeams.Any(t => t.Id != teamId && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) ? TeamErrors.NameTaken(name)
        : null;

    /// <summary>A parent for a new team (<paramref name="teamId"/> null) or a team moved: a team of the company, never the team itself or under it.</summary>
    public static DomainError? CheckParent(Guid? teamId, Guid? parentTeamId, TeamTree tree) =>
        parentTeamId is not { } parent ? null
        : !tree.Contains(parent) ? TeamErrors.ParentNotFound
        : teamId is { } id && tree.MoveMakesCycle(id, parent) ? TeamErrors.Cycle
        : null;

    public static DomainError? CheckDelete(Team team, TeamTree tree) =>
        team.IsDefault ? TeamErrors.DefaultTeamKept
        : tree.HasSubTeams(team.Id) ? TeamErrors.HasSubTeams
        : null;

    /// <summary>Who joins or manages a team: a member of the company (else 404), active.</summary>
    public static DomainError? CheckMember(MembershipState? member) =>
        member is null ? TeamErrors.MemberNotFound
        : !member.Active ? TeamErrors.MemberInactive
        : null;
}
