using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;
using Arkoa.Core.Scim;
using Arkoa.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Scim;

/// <summary>
/// Applies a SCIM group change to a team, within the teams' own rules (<see cref="TeamRules"/>): a name unique in the
/// company, the default team and a team with sub-teams kept, members that are the company's. A new team sits at the top
/// of the company's tree; who manages a team stays managed in Arkoa. A member added joins as a non-primary member
/// (their primary team stays); a deactivated member named is left out, as Arkoa keeps inactive members out of teams.
/// </summary>
public sealed class ScimGroupProvisioning(ArkoaDbContext db, ILogger<ScimGroupProvisioning> logger)
{
    public async Task<(Team? Team, ScimError? Error)> CreateAsync(Guid companyId, ScimGroupChange change, CancellationToken ct)
    {
        if (TeamRules.CheckName(change.DisplayName!, null, await NamesAsync(companyId, ct)) is { } refusal) return (null, ScimError.From(refusal));
        var team = new Team { CompanyId = companyId, Name = change.DisplayName! };
        db.Teams.Add(team);
        if (await ApplyMembersAsync(team, change, [], ct) is { } error) return (null, error);
        logger.LogInformation("SCIM created team {TeamId} in company {CompanyId}", team.Id, companyId);
        return (team, null);
    }

    /// <summary>A PUT (<paramref name="change"/> from the whole resource) or a PATCH; the caller saves.</summary>
    public async Task<ScimError?> ApplyAsync(Team team, ScimGroupChange change, CancellationToken ct)
    {
        if (change.DisplayName is { } name && name != team.Name)
        {
            if (TeamRules.CheckName(name, team.Id, await NamesAsync(team.CompanyId, ct)) is { } refusal) return ScimError.From(refusal);
            team.Name = name;
        }
        if (!change.TouchesMembers) return null;
        var current = await db.TeamMembers.Where(m => m.TeamId == team.Id).Select(m => m.MembershipId).ToListAsync(ct);
        return await ApplyMembersAsync(team, change, current, ct);
    }

    public async Task<ScimError?> DeleteAsync(Team team, CancellationToken ct)
    {
        if (TeamRules.CheckDelete(team, await db.TreeAsync(team.CompanyId, ct)) is { } refusal) return ScimError.From(refusal);
        db.Teams.Remove(team); // its member and manager rows go with it; the memberships stay
        logger.LogInformation("SCIM deleted team {TeamId} in company {CompanyId}", team.Id, team.CompanyId);
        return null;
    }

    private async Task<ScimError?> ApplyMembersAsync(Team team, ScimGroupChange change, List<Guid> current, CancellationToken ct)
    {
        var after = change.MembersAfter(current);
        var joining = after.Except(current).ToList();
        var states = await db.Memberships.Where(m => joining.Contains(m.Id) && m.CompanyId == team.CompanyId
                && !db.ScimUsers.Any(s => s.MembershipId == m.Id && s.Deleted))
            .Select(m => new MembershipState(m.Id, m.Role, m.Active)).ToListAsync(ct);
        foreach (var id in joining)
        {
            var state = states.SingleOrDefault(s => s.Id == id);
            if (TeamRules.CheckMember(state) is { } refusal)
            {
                if (refusal == TeamErrors.MemberInactive) continue;
                return ScimError.InvalidValue($"\"{id}\" is not a user of this company.");
            }
            db.TeamMembers.Add(new TeamMember { TeamId = team.Id, MembershipId = id });
        }
        var leaving = current.Except(after).ToList();
        if (leaving.Count > 0)
        {
            await db.TeamMembers.Where(m => m.TeamId == team.Id && leaving.Contains(m.MembershipId)).ExecuteDeleteAsync(ct);
        }
        return null;
    }

    private async Task<IEnumerable<(Guid, string)>> NamesAsync(Guid companyId, CancellationToken ct) =>
        (await db.Teams.Where(t => t.CompanyId == companyId).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name));
}
