using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>GET …/memberships/{membershipId}/leaves/{leaveId}/history: every step of one leave (SPEC §4), for whoever may read it.</summary>
public static class LeaveHistoryEndpoints
{
    public static RouteGroupBuilder MapLeaveHistoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/companies/{companyId:guid}/memberships/{membershipId:guid}/leaves/{leaveId:guid}/history", List)
            .WithTags("Leaves").WithName("GetLeaveStatusHistory")
            .WithSummary("Who submitted, edited, reviewed, canceled or deleted the leave, when, from which status to which and why (the member, or a manager).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<List<LeaveStatusChangeResponse>>, ProblemHttpResult>> List(
        Guid companyId, Guid membershipId, Guid leaveId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var readable = db.ReadableMember(companyId, membershipId, userId);
        // The access check rides on the read, as for the member's leave list: a refused caller gets no row. A deleted
        // leave is not found (the model's query filter), as everywhere else.
        Task<List<LeaveStatusChangeResponse>> ReadAsync(bool checkedAlready) => db.LeaveStatusChanges.AsNoTracking()
            .Where(c => c.LeaveId == leaveId && db.Leaves.Any(l => l.Id == leaveId && l.MembershipId == membershipId) && (checkedAlready || readable.Any()))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new LeaveStatusChangeResponse(c.Id, c.Transition, c.FromStatus, c.ToStatus, c.ActorId,
                c.Actor == null ? null : c.Actor.Name, c.Note, c.CreatedAt, c.CoverageOverridden, c.CompanyApiTokenId,
                db.CompanyApiTokens.Where(t => t.Id == c.CompanyApiTokenId).Select(t => t.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var steps = await ReadAsync(checkedAlready: false);
        if (steps.Count > 0) return TypedResults.Ok(steps);

        if (await db.MemberReadRefusalAsync(companyId, membershipId, userId, cancellationToken) is { } refusal)
        {
            return refusal.StatusCode == StatusCodes.Status404NotFound ? LeaveErrors.MembershipNotFound.ToProblem() : LeaveErrors.NotAllowed.ToProblem();
        }
        // Allowed, but not by role (a team manager, an approver): read again without the role's condition.
        steps = await ReadAsync(checkedAlready: true);
        if (steps.Count > 0) return TypedResults.Ok(steps);
        // Every leave has a step (its submission, or the one the migration wrote): none means no such leave of the member.
        return LeaveErrors.LeaveNotFound.ToProblem();
    }
}
