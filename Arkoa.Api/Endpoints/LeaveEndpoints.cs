using Arkoa.Api.Approvals;
using Arkoa.Api.Auth;
using Arkoa.Api.Capacity;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Api.Leaves;
using Arkoa.Core.Balances;
using Arkoa.Core.Capacity;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/memberships/{membershipId}/leaves: one member's leaves and their lifecycle (SPEC §4).
/// Each write loads the leave under the member lock, asks the <see cref="Leave"/> aggregate, writes the balance
/// movements it decided and saves; a refusal is mapped by <see cref="DomainProblems"/>.
/// </summary>
public static class LeaveEndpoints
{
    public static RouteGroupBuilder MapLeaveEndpoints(this RouteGroupBuilder api)
    {
        var leaves = api.MapGroup("/companies/{companyId:guid}/memberships/{membershipId:guid}/leaves").WithTags("Leaves")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        leaves.MapGet("/", List).WithName("ListMemberLeaves")
            .WithSummary("The member's leaves, latest start first or sorted by start, days or requested, each with what the caller may do with it (the member, or a manager).")
            .ProducesValidationProblem();
        leaves.MapPost("/", Create).WithName("RequestLeave")
            .WithSummary("Requests a leave: PENDING, its PAID or RTT days deducted (the member, or a manager; a start before today: a manager).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        leaves.MapPatch("/{leaveId:guid}", Edit).WithName("EditLeave")
            .WithSummary("Gives a PENDING leave a new type, dates and halves; its balance moves by the difference (the member, or a manager).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        leaves.MapPost("/{leaveId:guid}/cancel", Cancel).WithName("CancelLeave")
            .WithSummary("Cancels a PENDING leave, or (a manager) an APPROVED one that has not started, accepting the member's request to cancel if any; its days come back.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        leaves.MapDelete("/{leaveId:guid}", Delete).WithName("DeleteLeave")
            .WithSummary("Withdraws a PENDING leave, its days given back; it stays in the history, hidden (the member, or a manager).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The columns a member's leaves sort on (?sort=): by default the latest start first.</summary>
    private static readonly string[] SortKeys = ["start", "days", "requested"];

    private static async Task<Results<Ok<PagedList<LeaveResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, Guid membershipId, [AsParameters] LeaveFilterQuery filter, [AsParameters] SortQuery sortQuery,
        [AsParameters] PageQuery page, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = page.Errors();
        errors.AddRange(filter.Errors());
        var sort = sortQuery.Parse(SortKeys, errors);
        if (errors.Count > 0) return Problems.Fields(errors);
        var (access, refusal) = await LeaveAccess.ForMemberAsync(db, companyId, membershipId, context.User.UserId(), clock, cancellationToken);
        if (refusal is not null) return refusal.ToProblem();

        var query = filter.Apply(db.Leaves.AsNoTracking().Where(l => l.MembershipId == membershipId));
        var sorted = sort switch
        {
            { Key: "days" } => query.OrderBy(l => l.Days, sort.Descending).ThenByDescending(l => l.StartDate),
            { Key: "requested" } => query.OrderBy(l => l.CreatedAt, sort.Descending),
            { Key: "start" } => query.OrderBy(l => l.StartDate, sort.Descending),
            _ => query.OrderByDescending(l => l.StartDate),
        };
        // The page and the total in one round trip: the count is an uncorrelated subquery Postgres runs once.
        var rows = await sorted.ThenBy(l => l.Id)
            .Skip(page.Skip).Take(page.Size).Select(l => new { Leave = l, Total = query.Count() }).ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : page.Number == 1 ? 0 : await query.CountAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<LeaveResponse>(rows.Select(r => access!.Response(r.Leave)).ToList(), total, page.Number, page.Size));
    }

    private static async Task<Results<Created<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid companyId, Guid membershipId, CreateLeaveRequest request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var (access, refusal) = await LeaveAccess.ForMemberAsync(db, companyId, membershipId, userId, clock, cancellationToken);
        if (refusal is not null) return refusal.ToProblem();
        if (LeaveRules.CheckSubmit(access!.Actor, membershipId, access.MemberActive) is { } closed) return closed.ToProblem();

        var (plan, error) = await LeavePlanner.PlanAsync(db, access.Company, access.Actor, request.Type!.Value, request.StartDate!.Value,
            request.EndDate!.Value, request.StartHalf, request.EndHalf, request.HalfDayPeriod, clock, cancellationToken);
        if (error is not null) return error.ToProblem();
        var blackouts = await db.BlackoutsHitAsync(companyId, membershipId, plan!, cancellationToken);
        if (BlackoutRules.RefusalAmong(blackouts) is { } blackout) return blackout.ToProblem();

        var outcome = await db.InTransactionAsync<Results<Created<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            var neighbours = await LeaveNeighbours.OfAsync(db, membershipId, plan!, exceptLeaveId: null, ct);
            var balances = await db.RemainingAsync(membershipId, plan!, ct);
            var (leave, refused) = Leave.Submit(access.Actor, membershipId, access.MemberActive, plan!, request.Reason, neighbours, balances,
                clock.GetUtcNow().UtcDateTime);
            if (refused is not null) return refused.ToProblem();

            db.Leaves.Add(leave!);
            if (await ledger.ApplyAsync(db, leave!, userId, ct) is { } overdrawn) return overdrawn.ToProblem();
            await db.RouteAsync(leave!, companyId, access.Today, ApprovalRouting.FactsOf(leave!, balances, blackouts.Count > 0), access.Actor.MembershipId, ct);
            await notifications.SubmittedAsync(leave!, userId, edited: false, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/companies/{companyId}/memberships/{membershipId}/leaves/{leave!.Id}", access.Response(leave));
        }, cancellationToken);

        if (outcome.Result is Created<LeaveResponse>)
        {
            ArkoaMetrics.LeavesRequested.Add(1, new KeyValuePair<string, object?>("type", plan!.Type.ToString()));
        }
        return outcome;
    }

    /// <summary>A PENDING leave takes a new extent, by the owner or a manager (<see cref="Leave.Edit"/>).</summary>
    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Edit(
        Guid companyId, Guid membershipId, Guid leaveId, UpdateLeaveRequest request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var (access, refusal) = await LeaveAccess.ForMemberAsync(db, companyId, membershipId, userId, clock, cancellationToken);
        if (refusal is not null) return refusal.ToProblem();

        var (plan, error) = await LeavePlanner.PlanAsync(db, access!.Company, access.Actor, request.Type!.Value, request.StartDate!.Value,
            request.EndDate!.Value, request.StartHalf, request.EndHalf, request.HalfDayPeriod, clock, cancellationToken);
        if (error is not null) return error.ToProblem();
        var blackouts = await db.BlackoutsHitAsync(companyId, membershipId, plan!, cancellationToken);
        if (BlackoutRules.RefusalAmong(blackouts) is { } blackout) return blackout.ToProblem();

        return await db.InTransactionAsync<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.Include(l => l.Membership).SingleOrDefaultAsync(l => l.Id == leaveId && l.MembershipId == membershipId, ct);
            if (leave is null) return LeaveErrors.LeaveNotFound.ToProblem();
            var neighbours = await LeaveNeighbours.OfAsync(db, membershipId, plan!, exceptLeaveId: leave.Id, ct);
            var balances = await db.RemainingAsync(membershipId, plan!, ct);
            var givenBack = leave.Type == plan!.Type && leave.UsesBalance ? leave.Days : 0;
            var refused = leave.Edit(access.Actor, leave.Membership!.Active, request.Version, plan, request.Reason, neighbours, balances,
                clock.GetUtcNow().UtcDateTime);
            if (refused is not null) return refused.ToProblem();

            if (await ledger.ApplyAsync(db, leave, userId, ct) is { } overdrawn) return overdrawn.ToProblem();
            // The request changed: its approvers decide it afresh, from the first step.
            await db.RouteAsync(leave, companyId, access.Today, ApprovalRouting.FactsOf(leave, balances, blackouts.Count > 0, givenBack), access.Actor.MembershipId, ct);
            await notifications.SubmittedAsync(leave, userId, edited: true, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(access.Response(leave, leave.Membership.Active));
        }, cancellationToken);
    }

    /// <summary>Cancels a leave (<see cref="LeaveRules.CheckCancel"/>), accepting the member's request to cancel if one is open; the days come back.</summary>
    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid companyId, Guid membershipId, Guid leaveId, LeaveVersionRequest? request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var (access, refusal) = await LeaveAccess.ForMemberAsync(db, companyId, membershipId, userId, clock, cancellationToken,
            answeringLeaveId: leaveId);
        if (refusal is not null) return refusal.ToProblem();

        return await db.InTransactionAsync<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.SingleOrDefaultAsync(l => l.Id == leaveId && l.MembershipId == membershipId, ct);
            if (leave is null) return LeaveErrors.LeaveNotFound.ToProblem();
            var answersRequest = leave.CancelRequestedAt is not null; // canceling accepts the member's request to cancel
            var refused = leave.Cancel(access!.Actor, request?.Version, access.Today, clock.GetUtcNow().UtcDateTime);
            if (refused is not null) return refused.ToProblem();

            await ledger.ApplyAsync(db, leave, userId, ct); // a refund always fits
            if (answersRequest) await notifications.CancelAnsweredAsync(leave, userId, declineNote: null, ct);
            else await notifications.CanceledAsync(leave, userId, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(access.Response(leave));
        }, cancellationToken);
    }

    /// <summary>
    /// Withdraws a PENDING leave (<see cref="Leave.Delete"/>), refunding like cancel. The row is kept, marked deleted and
    /// hidden everywhere, so the history rows that name it (its deduction and this refund) keep doing so.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(
        Guid companyId, Guid membershipId, Guid leaveId, HttpContext context, ArkoaDbContext db, BalanceLedger ledger,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (caller is null) return LeaveErrors.NotAllowed.ToProblem();
        var actor = await db.LeaveActorAsync(caller, cancellationToken);
        if (!actor.MayActOn(membershipId)) return LeaveErrors.NotAllowed.ToProblem();

        return await db.InTransactionAsync<Results<NoContent, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.Include(l => l.Membership).SingleOrDefaultAsync(
                l => l.Id == leaveId && l.MembershipId == membershipId && l.Membership!.CompanyId == companyId, ct);
            if (leave is null) return LeaveErrors.LeaveNotFound.ToProblem();
            var refused = leave.Delete(actor, leave.Membership!.Active, clock.GetUtcNow().UtcDateTime);
            if (refused is not null) return refused.ToProblem();

            await ledger.ApplyAsync(db, leave, userId, ct); // a refund always fits
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }, cancellationToken);
    }
}
