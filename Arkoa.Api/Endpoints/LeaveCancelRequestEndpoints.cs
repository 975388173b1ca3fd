using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Api.Leaves;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// A member's request to cancel their APPROVED leave (issue 14 §7): the member asks (<see cref="Leave.RequestCancel"/>),
/// the managers see the open requests, and one of them declines (<see cref="Leave.DeclineCancel"/>) or accepts by canceling
/// the leave (POST …/leaves/{leaveId}/cancel, which refunds it). Each answer is mailed back to the member. The member may
/// also take the request back (<see cref="Leave.WithdrawCancel"/>) while it is open.
/// </summary>
public static class LeaveCancelRequestEndpoints
{
    public static RouteGroupBuilder MapLeaveCancelRequestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/companies/{companyId:guid}/memberships/{membershipId:guid}/leaves/{leaveId:guid}/cancel-request", Request)
            .WithTags("Leaves").WithName("RequestLeaveCancel")
            .WithSummary("The member asks the managers to cancel their APPROVED leave that has not started; nothing moves until one answers.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/companies/{companyId:guid}/memberships/{membershipId:guid}/leaves/{leaveId:guid}/cancel-request/withdraw", Withdraw)
            .WithTags("Leaves").WithName("WithdrawLeaveCancel")
            .WithSummary("The member takes back their open request to cancel; the leave stays APPROVED and no manager is asked any more.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/companies/{companyId:guid}/leaves/{leaveId:guid}/cancel-request/decline", Decline)
            .WithTags("Leaves").WithName("DeclineLeaveCancel")
            .WithSummary("Declines a member's request to cancel their leave, saying why; the leave stays APPROVED (company manager or a manager of the member's team, not on their own leave).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/companies/{companyId:guid}/cancel-requests", List)
            .WithTags("Company leaves").WithName("ListLeaveCancelRequests")
            .WithSummary("The open requests to cancel an approved leave, the earliest start first (company manager: all; team manager: their teams' members', not their own).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Request(
        Guid companyId, Guid membershipId, Guid leaveId, RequestCancelRequest? request, HttpContext context, ArkoaDbContext db,
        LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var (access, refusal) = await LeaveAccess.ForMemberAsync(db, companyId, membershipId, userId, clock, cancellationToken);
        if (refusal is not null) return refusal.ToProblem();

        return await db.InTransactionAsync<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            // Under the member lock, as every change of the member's leaves: a request and a cancel take turns.
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.Include(l => l.Membership).SingleOrDefaultAsync(l => l.Id == leaveId && l.MembershipId == membershipId, ct);
            if (leave is null) return LeaveErrors.LeaveNotFound.ToProblem();
            var refused = leave.RequestCancel(access!.Actor, leave.Membership!.Active, request?.Version, request?.Reason, access.Today,
                clock.GetUtcNow().UtcDateTime);
            if (refused is not null) return refused.ToProblem();

            await notifications.CancelRequestedAsync(leave, userId, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(access.Response(leave, leave.Membership.Active));
        }, cancellationToken);
    }

    /// <summary>
    /// No mail: the request leaves the managers' queue and count, and a manager who opens the asking mail's link finds
    /// nothing left to answer.
    /// </summary>
    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid companyId, Guid membershipId, Guid leaveId, WithdrawCancelRequest? request, HttpContext context, ArkoaDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (access, refusal) = await LeaveAccess.ForMemberAsync(db, companyId, membershipId, context.User.UserId(), clock, cancellationToken);
        if (refusal is not null) return refusal.ToProblem();

        return await db.InTransactionAsync<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            // Under the member lock: a withdrawal and a manager's answer take turns, and the second finds the request closed.
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.Include(l => l.Membership).SingleOrDefaultAsync(l => l.Id == leaveId && l.MembershipId == membershipId, ct);
            if (leave is null) return LeaveErrors.LeaveNotFound.ToProblem();
            var refused = leave.WithdrawCancel(access!.Actor, leave.Membership!.Active, request?.Version, clock.GetUtcNow().UtcDateTime);
            if (refused is not null) return refused.ToProblem();

            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(access.Response(leave, leave.Membership.Active));
        }, cancellationToken);
    }

    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid companyId, Guid leaveId, DeclineCancelRequest request, HttpContext context, ArkoaDbContext db,
        LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var (caller, company, _) = await db.CallerAndCompanyAsync(companyId, userId, cancellationToken);
        if (caller is null || company is null) return LeaveErrors.ReviewNeedsManager.ToProblem();
        var actor = await db.LeaveActorAsync(caller, cancellationToken);
        if (!actor.DecidesForSomeone) return LeaveErrors.ReviewNeedsManager.ToProblem();

        var membershipId = await db.Leaves.AsNoTracking()
            .Where(l => l.Id == leaveId && l.Membership!.CompanyId == companyId)
            .Select(l => (Guid?)l.MembershipId).SingleOrDefaultAsync(cancellationToken);
        if (membershipId is null) return LeaveErrors.LeaveNotFound.ToProblem();
        var today = CompanyClock.Today(company, clock);

        return await db.InTransactionAsync<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            // The member lock makes a decline and an accept (cancel) of one request take turns: the second finds it closed.
            await db.LockMemberAsync(membershipId.Value, ct);
            var leave = await db.Leaves.Include(l => l.Membership).SingleAsync(l => l.Id == leaveId, ct);
            var refused = leave.DeclineCancel(actor, request.Version, request.ManagerNote, clock.GetUtcNow().UtcDateTime);
            if (refused is not null) return refused.ToProblem();

            await notifications.CancelAnsweredAsync(leave, userId, request.ManagerNote!.Trim(), ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(LeaveResponse.From(leave, actor, leave.Membership!.Active, today));
        }, cancellationToken);
    }

    private static async Task<Results<Ok<PagedList<CompanyLeaveResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, [AsParameters] PageQuery page, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (page.Errors() is { Count: > 0 } errors) return Problems.Fields(errors);
        var (caller, company, _) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return Problems.Forbidden(ProblemCodes.ManagerOnlyCompanyView, "Only a manager of this company can see this.");
        var actor = await db.LeaveActorAsync(caller, cancellationToken);
        if (!actor.DecidesForSomeone) return Problems.Forbidden(ProblemCodes.ManagerOnlyCompanyView, "Only a manager of this company can see this.");

        var query = db.Leaves.AsNoTracking().Where(l => l.Membership!.CompanyId == companyId && l.CancelRequestedAt != null);
        // A team manager sees the requests they may answer: their teams' members', never their own; and anyone those of
        // leaves approved through a chain whose first step they are (SPEC §11).
        if (!actor.IsManager)
        {
            var decided = actor.TeamMemberIds.Where(id => id != caller.Id).ToArray();
            var awaited = actor.AwaitedLeaveIds.ToArray();
            query = query.Where(l => decided.Contains(l.MembershipId) || awaited.Contains(l.Id));
        }
        var rows = await query
            // The leave that starts soonest is the answer the member needs first.
            .OrderBy(l => l.StartDate).ThenBy(l => l.Id)
            .Skip(page.Skip).Take(page.Size)
            .AsCompanyLeaves(db)
            .Select(item => new { Item = item, Total = query.Count() })
            .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : page.Number == 1 ? 0 : await query.CountAsync(cancellationToken);
        var today = CompanyClock.Today(company, clock);
        return TypedResults.Ok(new PagedList<CompanyLeaveResponse>(rows.Select(r => r.Item.For(actor, today)).ToList(), total, page.Number, page.Size));
    }
}
