using Arkoa.Api.Http;
using Arkoa.Core.Approvals;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Teams;

/// <summary>
/// What a company's teams reach (SPEC §10): the members of a team and its sub-teams (the <c>team</c> filter of the
/// calendar, stats, lists and exports), and the members a caller decides for as a team manager.
/// </summary>
public static class TeamScope
{
    /// <summary>The company's tree of teams.</summary>
    public static async Task<TeamTree> TreeAsync(this ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        new(await db.Teams.AsNoTracking().Where(t => t.CompanyId == companyId)
            .Select(t => new TeamNode(t.Id, t.ParentTeamId)).ToListAsync(cancellationToken));

    /// <summary>The ids of <paramref name="teamId"/> and its sub-teams, or null when it is not a team of the company.</summary>
    public static async Task<IReadOnlySet<Guid>?> TeamWithSubTeamsAsync(this ArkoaDbContext db, Guid companyId, Guid teamId, CancellationToken cancellationToken)
    {
        var tree = await db.TreeAsync(companyId, cancellationToken);
        return tree.Contains(teamId) ? tree.WithSubTeams(teamId) : null;
    }

    /// <summary>
    /// The members a <c>team</c> filter keeps (the team's and its sub-teams'), null for no filter; or 404 team-not-found
    /// for a team that is not the company's (another company's looks the same as none).
    /// </summary>
    public static async Task<(Guid[]? Members, ProblemHttpResult? Refusal)> TeamFilterAsync(
        this ArkoaDbContext db, Guid companyId, Guid? teamId, CancellationToken cancellationToken)
    {
        if (teamId is not { } id) return (null, null);
        if (await db.TeamWithSubTeamsAsync(companyId, id, cancellationToken) is not { } teams) return (null, TeamErrors.TeamNotFound.ToProblem());
        var teamIds = teams.ToArray();
        var members = await db.TeamMembers.AsNoTracking().Where(m => teamIds.Contains(m.TeamId))
            .Select(m => m.MembershipId).Distinct().ToArrayAsync(cancellationToken);
        return (members, null);
    }

    /// <summary>
    /// Who <paramref name="caller"/> is on leaves: a company manager as they are, anyone else with the members they decide
    /// for as a team manager (one query more, and one more only when they manage a team); and everyone with the chained
    /// requests whose current step waits for them (one small indexed query).
    /// </summary>
    public static async Task<LeaveActor> LeaveActorAsync(this ArkoaDbContext db, Membership caller, CancellationToken cancellationToken) =>
        (caller.IsManager ? LeaveActor.Of(caller) : LeaveActor.Of(caller, await db.ManagedMembersAsync(caller.CompanyId, caller.Id, cancellationToken)))
        with { AwaitedLeaveIds = await db.AwaitedLeaveIdsAsync(caller.Id, cancellationToken) }; // SPEC §11: chained requests at their step

    /// <summary>
    /// Whether <paramref name="callerId"/>, not a manager of the company, decides for <paramref name="membershipId"/>:
    /// as a manager of one of their teams (or a team above), or as an approver one of their requests waits for (a
    /// chain's step, or a request to cancel at its first step: SPEC §10, §11). They then read the member's balances and
    /// history, the context of their decision.
    /// </summary>
    public static async Task<bool> DecidesForMemberAsync(this ArkoaDbContext db, Guid companyId, Guid callerId, Guid membershipId,
        CancellationToken cancellationToken) =>
        membershipId != callerId
        && (await db.AwaitedLeaveIds(callerId).AnyAsync(id => db.Leaves.Any(l => l.Id == id && l.MembershipId == membershipId), cancellationToken)
            || (await db.ManagedMembersAsync(companyId, callerId, cancellationToken)).Contains(membershipId));

    /// <summary>
    /// The members of the teams <paramref name="membershipId"/> manages and of their sub-teams (themself included when
    /// they are in one: <see cref="Core.Leaves.LeaveActor.Manages"/> leaves them out). Empty, in one round trip, for
    /// someone who manages no team.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> ManagedMembersAsync(this ArkoaDbContext db, Guid companyId, Guid membershipId, CancellationToken cancellationToken)
    {
        var managed = await db.TeamManagers.AsNoTracking().Where(m => m.MembershipId == membershipId)
            .Select(m => m.TeamId).ToListAsync(cancellationToken);
        if (managed.Count == 0) return new HashSet<Guid>();
        var teams = (await db.TreeAsync(companyId, cancellationToken)).WithSubTeams(managed).ToList();
        return (await db.TeamMembers.AsNoTracking().Where(m => teams.Contains(m.TeamId))
            .Select(m => m.MembershipId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }
}
