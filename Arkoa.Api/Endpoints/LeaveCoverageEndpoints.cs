using Arkoa.Api.Auth;
using Arkoa.Api.Capacity;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>GET /api/companies/{companyId}/leaves/{leaveId}/coverage: what approving a leave would do to its teams (SPEC §12), for whoever decides it.</summary>
public static class LeaveCoverageEndpoints
{
    public static RouteGroupBuilder MapLeaveCoverageEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/companies/{companyId:guid}/leaves/{leaveId:guid}/coverage", Get).WithTags("Capacity").WithName("GetLeaveCoverage")
            .WithSummary("The teams whose coverage rule approving the leave would break, on which days, and the member's teammates away over its dates (a company manager, or a team manager of the member).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<LeaveCoverageResponse>, ProblemHttpResult>> Get(
        Guid companyId, Guid leaveId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (caller, company, _) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return LeaveErrors.NotAllowed.ToProblem();
        var actor = await db.LeaveActorAsync(caller, cancellationToken);
        var leave = await db.Leaves.AsNoTracking().SingleOrDefaultAsync(l => l.Id == leaveId && l.Membership!.CompanyId == companyId, cancellationToken);
        if (leave is null) return LeaveErrors.LeaveNotFound.ToProblem();
        // Whoever decides the member's requests (never the member: their own view is the request form's).
        if (!actor.Manages(leave.MembershipId)) return LeaveErrors.NotAllowed.ToProblem();

        var shortfalls = await db.ShortfallsIfApprovedAsync(company, leave, lockTeams: false, cancellationToken);
        var away = await db.TeammatesAwayAsync(leave.MembershipId, leave.StartDate, leave.EndDate, RequestCapacity.MaxTeammatesAway, cancellationToken);
        return TypedResults.Ok(new LeaveCoverageResponse(
            shortfalls.Select(s => new CoverageShortfallResponse(s.TeamName, s.Dates, s.Rule.MinimumPresent, s.Rule.MaximumAbsent)).ToList(), away));
    }
}
