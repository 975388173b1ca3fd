using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Teams;

/// <summary>
/// The default team's managers are the company's MANAGERs and ADMINs (SPEC §10), so a company that never touches teams
/// works as before them: a member who becomes a manager manages it, and one demoted to employee stops deciding its
/// requests at once. Managing any other team is an admin's choice and does not follow the role.
/// </summary>
public static class DefaultTeamManagers
{
    /// <summary>Adds or removes <paramref name="membership"/> as a manager of its company's default team to match its role; the caller saves.</summary>
    public static async Task FollowRoleAsync(this ArkoaDbContext db, Membership membership, CancellationToken cancellationToken)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.CompanyId == membership.CompanyId && t.IsDefault, cancellationToken);
        if (team is null) return;
        var managing = await db.TeamManagers.FirstOrDefaultAsync(m => m.TeamId == team.Id && m.MembershipId == membership.Id, cancellationToken);
        if (membership.IsManager && managing is null)
        {
            db.TeamManagers.Add(new TeamManager { TeamId = team.Id, MembershipId = membership.Id });
        }
        else if (!membership.IsManager && managing is not null)
        {
            db.TeamManagers.Remove(managing);
        }
    }
}
