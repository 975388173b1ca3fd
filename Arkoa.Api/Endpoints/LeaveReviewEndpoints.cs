using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Leaves;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// POST /api/companies/{companyId}/leaves/{leaveId}/review: a manager approves or rejects a PENDING leave of someone else
/// who is still an active member.
/// </summary>
public static class LeaveReviewEndpoints
{
    public static RouteGroupBuilder MapLeaveReviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/companies/{companyId:guid}/leaves/{leaveId:guid}/review", Review).WithTags("Leaves");
        return api;
    }

    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Review(
        Guid companyId, Guid leaveId, ReviewLeaveRequest request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (caller is null || !caller.IsManager) return Problems.Forbidden("Only a manager can review leaves.");

        var status = request.Status!.Value;
        if (status is not (LeaveStatus.APPROVED or LeaveStatus.REJECTED))
            return Problems.Field("status", "A review is APPROVED or REJECTED.");
        var note = string.IsNullOrWhiteSpace(request.ManagerNote) ? null : request.ManagerNote.Trim();
        if (status == LeaveStatus.REJECTED && note is null)
            return Problems.Field("managerNote", "Say why the leave is rejected.");

        var membershipId = await db.Leaves.AsNoTracking()
            .Where(l => l.Id == leaveId && l.Membership!.CompanyId == companyId)
            .Select(l => (Guid?)l.MembershipId).SingleOrDefaultAsync(cancellationToken);
        if (membershipId is null) return Problems.NotFound("The leave");
        if (membershipId == caller.Id) return Problems.Forbidden("You cannot review your own leave.");

        var outcome = await db.InTransactionAsync<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            // The member lock makes concurrent reviews (and edits) of one leave take turns: exactly one finds it PENDING.
            await db.LockMemberAsync(membershipId.Value, ct);
            var leave = await db.Leaves.Include(l => l.Membership).SingleAsync(l => l.Id == leaveId, ct);
            if (!leave.Membership!.Active) return LeaveEndpoints.OnlyCancel();
            if (LeaveEndpoints.StaleOrNotPending(leave, request.Version) is { } refusal) return refusal;

            leave.Status = status;
            leave.ManagerNote = note;
            leave.ReviewedById = userId;
            leave.ReviewedAt = clock.GetUtcNow().UtcDateTime;
            if (status == LeaveStatus.REJECTED) await ledger.RefundAsync(leave, userId, "Rejected", ct);
            await notifications.ReviewedAsync(leave, userId, ct);

            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(LeaveResponse.From(leave));
        }, cancellationToken);

        if (outcome.Result is Ok<LeaveResponse>)
        {
            ArkoaMetrics.LeavesReviewed.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));
        }
        return outcome;
    }
}
