using Arkoa.Api.Http;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;
using Arkoa.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Teams;

/// <summary>
/// What every change to a team's members or managers shares: the caller is an active admin (403), then in one
/// transaction under the company lock the team is the company's (404), the change runs and is saved.
/// </summary>
public static class TeamChange
{
    /// <summary>
    /// Runs <paramref name="change"/> on the company's team <paramref name="teamId"/> for an admin: 204 when it returns
    /// null (saved), its refusal otherwise (nothing saved).
    /// </summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeTeamAsync(
        this ArkoaDbContext db, Guid companyId, Guid teamId, Guid userId,
        Func<Team, CancellationToken, Task<ProblemHttpResult?>> change, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (caller is null || TeamRules.CheckChange(MembershipState.Of(caller)) is not null) return TeamErrors.AdminOnly.ToProblem();
        return await db.InTransactionAsync<Results<NoContent, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId && t.CompanyId == companyId, ct);
            if (team is null) return TeamErrors.TeamNotFound.ToProblem();
            if (await change(team, ct) is { } refusal) return refusal;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }, cancellationToken);
    }

    /// <summary>Why <paramref name="membershipId"/> may not join or manage a team of the company (404, 400), or null.</summary>
    public static async Task<ProblemHttpResult?> MemberRefusalAsync(this ArkoaDbContext db, Guid companyId, Guid membershipId, CancellationToken cancellationToken)
    {
        var member = await db.Memberships.AsNoTracking().Where(m => m.Id == membershipId && m.CompanyId == companyId)
            .Select(m => new MembershipState(m.Id, m.Role, m.Active)).SingleOrDefaultAsync(cancellationToken);
        return TeamRules.CheckMember(member)?.ToProblem();
    }
}
