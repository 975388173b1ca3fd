using Arkoa.Api.Caching;
using Arkoa.Api.Http;
using Arkoa.Core.Approvals;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arkoa.Api.Teams;

/// <summary>
/// <see cref="TeamScope"/>'s answers kept in the company's view cache, for the hot reads (a team's calendar, the
/// approver's list): who a team reaches and whom a team manager decides for change only with the teams, and every team
/// change raises the company's data version, which is part of the key. So they cost no query while nothing changed.
/// </summary>
public static class CachedTeamScope
{
    private sealed record TeamMembers(Guid[]? Members);

    /// <summary><see cref="TeamScope.TeamFilterAsync"/>, cached per data version.</summary>
    public static async Task<(Guid[]? Members, ProblemHttpResult? Refusal)> TeamFilterAsync(this ArkoaDbContext db, CompanyViewCache cache,
        Guid companyId, long version, Guid? teamId, CancellationToken cancellationToken)
    {
        if (teamId is not { } id) return (null, null);
        var reached = await cache.GetOrBuildAsync("team-members", companyId, version, id.ToString(), async () =>
        {
            // Other requests may be waiting for this build: it is not canceled with the request that started it.
            var (members, _) = await db.TeamFilterAsync(companyId, id, CancellationToken.None);
            return (new TeamMembers(members), 32L + 16L * (members?.Length ?? 0));
        });
        return reached.Members is null ? (null, TeamErrors.TeamNotFound.ToProblem()) : (reached.Members, null);
    }

    /// <summary>
    /// <see cref="TeamScope.LeaveActorAsync"/> with the members a team manager decides for cached per data version; the
    /// chained requests waiting for them are read each time (a step's decision may change them and not the version).
    /// </summary>
    public static async Task<LeaveActor> LeaveActorAsync(this ArkoaDbContext db, CompanyViewCache cache, long version, Membership caller,
        CancellationToken cancellationToken)
    {
        var actor = caller.IsManager ? LeaveActor.Of(caller) : LeaveActor.Of(caller, await cache.GetOrBuildAsync("managed-members",
            caller.CompanyId, version, caller.Id.ToString(), async () =>
            {
                var managed = await db.ManagedMembersAsync(caller.CompanyId, caller.Id, CancellationToken.None);
                return (managed, 32L + 16L * managed.Count);
            }));
        return actor with { AwaitedLeaveIds = await db.AwaitedLeaveIdsAsync(caller.Id, cancellationToken) };
    }
}
