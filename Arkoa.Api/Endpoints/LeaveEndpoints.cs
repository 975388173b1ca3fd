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

/// <summary>/api/companies/{companyId}/memberships/{membershipId}/leaves: one member's leaves and their lifecycle (SPEC §4).</summary>
public static class LeaveEndpoints
{
    public static RouteGroupBuilder MapLeaveEndpoints(this RouteGroupBuilder api)
    {
        var leaves = api.MapGroup("/companies/{companyId:guid}/memberships/{membershipId:guid}/leaves").WithTags("Leaves");
        leaves.MapGet("/", List);
        leaves.MapPost("/", Create);
        leaves.MapPatch("/{leaveId:guid}", Edit);
        leaves.MapPost("/{leaveId:guid}/cancel", Cancel);
        leaves.MapDelete("/{leaveId:guid}", Delete);
        return api;
    }

    private static async Task<Results<Ok<PagedList<LeaveResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, Guid membershipId, [AsParameters] LeaveFilterQuery filter, [AsParameters] PageQuery page,
        HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = page.Errors();
        foreach (var (field, messages) in filter.Errors()) errors[field] = messages;
        if (errors.Count > 0) return Problems.Fields(errors);
        var userId = context.User.UserId();
        var readable = db.ReadableMember(companyId, membershipId, userId);
        var query = filter.Apply(db.Leaves.AsNoTracking().Where(l => l.MembershipId == membershipId));
        // The access check, the page and the total in one round trip: the count is an uncorrelated subquery Postgres runs
        // once. Only the page's rows carry the check: a refused caller gets no row, so never the total either (and EF
        // has half the expression to process per request). Only an empty page asks whether the caller was refused.
        var rows = await query.Where(l => readable.Any()).OrderByDescending(l => l.StartDate).ThenBy(l => l.Id)
            .Skip(page.Skip).Take(page.Size).Select(l => new { Leave = l, Total = query.Count() }).ToListAsync(cancellationToken);
        if (rows.Count == 0 && await db.MemberReadRefusalAsync(companyId, membershipId, userId, cancellationToken) is { } refusal) return refusal;
        var total = rows.Count > 0 ? rows[0].Total : page.Number == 1 ? 0 : await query.CountAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<LeaveResponse>(rows.Select(r => LeaveResponse.From(r.Leave)).ToList(), total, page.Number, page.Size));
    }

    private static async Task<Results<Created<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid companyId, Guid membershipId, CreateLeaveRequest request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var (access, refusal) = await AccessAsync(db, companyId, membershipId, userId, cancellationToken);
        if (refusal is not null) return refusal;
        if (access!.MemberActive != true) return Problems.Conflict("This membership is deactivated.");

        var (plan, error) = await LeavePlanner.PlanAsync(db, access.Company, access.Caller, request.Type!.Value, request.StartDate!.Value,
            request.EndDate!.Value, request.StartHalf, request.EndHalf, request.HalfDayPeriod, clock, cancellationToken);
        if (error is not null) return error;

        var outcome = await db.InTransactionAsync<Results<Created<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            if (await plan!.OverlapsAsync(db, membershipId, exceptLeaveId: null, ct)) return Overlap();

            var leave = new Leave
            {
                MembershipId = membershipId, Type = plan.Type, StartDate = plan.Start, EndDate = plan.End,
                StartHalf = plan.StartHalf, EndHalf = plan.EndHalf, Days = plan.Days, Reason = request.Reason?.Trim(),
            };
            db.Leaves.Add(leave);
            var (ok, remaining) = await ledger.DeductAsync(leave, userId, ct);
            if (!ok) return Insufficient(plan.Days, remaining);
            await notifications.SubmittedAsync(leave, userId, edited: false, ct);

            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/companies/{companyId}/memberships/{membershipId}/leaves/{leave.Id}", LeaveResponse.From(leave));
        }, cancellationToken);

        if (outcome.Result is Created<LeaveResponse>)
        {
            ArkoaMetrics.LeavesRequested.Add(1, new KeyValuePair<string, object?>("type", plan!.Type.ToString()));
        }
        return outcome;
    }

    /// <summary>
    /// PENDING only, by the owner or a manager: refunds the old days and deducts the new ones atomically. A deactivated
    /// member's leaves are no longer edited, only canceled.
    /// </summary>
    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Edit(
        Guid companyId, Guid membershipId, Guid leaveId, UpdateLeaveRequest request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var (access, refusal) = await AccessAsync(db, companyId, membershipId, userId, cancellationToken);
        if (refusal is not null) return refusal;

        var (plan, error) = await LeavePlanner.PlanAsync(db, access!.Company, access.Caller, request.Type!.Value, request.StartDate!.Value,
            request.EndDate!.Value, request.StartHalf, request.EndHalf, request.HalfDayPeriod, clock, cancellationToken);
        if (error is not null) return error;

        return await db.InTransactionAsync<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.Include(l => l.Membership).SingleOrDefaultAsync(l => l.Id == leaveId && l.MembershipId == membershipId, ct);
            if (leave is null) return Problems.NotFound("The leave");
            if (!leave.Membership!.Active) return OnlyCancel();
            if (StaleOrNotPending(leave, request.Version) is { } refusal) return refusal;
            if (await plan!.OverlapsAsync(db, membershipId, exceptLeaveId: leave.Id, ct)) return Overlap();

            var before = Snapshot(leave);
            (leave.Type, leave.StartDate, leave.EndDate, leave.StartHalf, leave.EndHalf, leave.Days) =
                (plan.Type, plan.Start, plan.End, plan.StartHalf, plan.EndHalf, plan.Days);
            if (request.Reason is not null) leave.Reason = request.Reason.Trim();
            var (ok, remaining) = await ledger.ApplyEditAsync(before, leave, userId, ct);
            if (!ok) return Insufficient(plan.Days, remaining);
            await notifications.SubmittedAsync(leave, userId, edited: true, ct);

            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(LeaveResponse.From(leave));
        }, cancellationToken);
    }

    /// <summary>The owner cancels a PENDING leave; a manager a PENDING or a future APPROVED one. The days come back.</summary>
    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid companyId, Guid membershipId, Guid leaveId, LeaveVersionRequest? request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, LeaveNotifications notifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var (access, refusal) = await AccessAsync(db, companyId, membershipId, userId, cancellationToken);
        if (refusal is not null) return refusal;
        var today = CompanyClock.Today(access!.Company, clock);
        var callerIsManager = access.Caller.IsManager;

        return await db.InTransactionAsync<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.SingleOrDefaultAsync(l => l.Id == leaveId && l.MembershipId == membershipId, ct);
            if (leave is null) return Problems.NotFound("The leave");
            if (request?.Version is { } version && version != leave.Version) return Stale();
            var cancellable = leave.Status == LeaveStatus.PENDING
                || (leave.Status == LeaveStatus.APPROVED && callerIsManager && leave.StartDate > today);
            if (!cancellable)
            {
                return leave.Status == LeaveStatus.APPROVED && !callerIsManager
                    ? Problems.Forbidden("Only a manager can cancel an approved leave.")
                    : Problems.Conflict(leave.Status == LeaveStatus.APPROVED
                        ? $"A {leave.Status} leave cannot be canceled once it has started."
                        : $"A {leave.Status} leave cannot be canceled.");
            }

            leave.Status = LeaveStatus.CANCELED;
            await ledger.RefundAsync(leave, userId, "Canceled", ct);
            await notifications.CanceledAsync(leave, userId, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(LeaveResponse.From(leave));
        }, cancellationToken);
    }

    /// <summary>
    /// PENDING only, by the owner or a manager; refunds like cancel (the original forgot to). Not for a deactivated
    /// member's leave: cancel it. The row is kept, marked deleted and hidden everywhere, so the history rows that name it
    /// (its deduction and this refund) keep doing so.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(
        Guid companyId, Guid membershipId, Guid leaveId, HttpContext context, ArkoaDbContext db, BalanceLedger ledger,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (caller is null || !caller.MayActFor(membershipId)) return Problems.Forbidden();

        return await db.InTransactionAsync<Results<NoContent, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.Include(l => l.Membership).SingleOrDefaultAsync(
                l => l.Id == leaveId && l.MembershipId == membershipId && l.Membership!.CompanyId == companyId, ct);
            if (leave is null) return Problems.NotFound("The leave");
            if (!leave.Membership!.Active) return OnlyCancel();
            if (leave.Status != LeaveStatus.PENDING) return Problems.Conflict($"A {leave.Status} leave cannot be deleted; cancel it instead.");

            await ledger.RefundAsync(leave, userId, "Deleted", ct);
            leave.DeletedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }, cancellationToken);
    }

    /// <summary>The caller's membership, the company's settings and whether the target member is active, or why the caller may not act for them.</summary>
    private static async Task<(CallerView? Access, ProblemHttpResult? Refusal)> AccessAsync(
        ArkoaDbContext db, Guid companyId, Guid membershipId, Guid userId, CancellationToken cancellationToken)
    {
        var view = await db.CallerViewAsync(companyId, userId, membershipId, cancellationToken);
        if (view is null || !view.Caller.MayActFor(membershipId)) return (null, Problems.Forbidden());
        return view.MemberActive is null ? (null, Problems.NotFound("The membership")) : (view, null);
    }

    internal static ProblemHttpResult? StaleOrNotPending(Leave leave, int? version) =>
        version is { } v && v != leave.Version ? Stale()
        : leave.Status != LeaveStatus.PENDING ? Problems.Conflict($"The leave is {leave.Status}, no longer PENDING.")
        : null;

    internal static ProblemHttpResult Stale() =>
        Problems.Conflict("The leave was changed by someone else; reload it and try again.");

    /// <summary>A deactivated member's leaves keep their state: a manager may still cancel one (with refund), nothing else.</summary>
    internal static ProblemHttpResult OnlyCancel() =>
        Problems.Conflict("This membership is deactivated: its leaves can only be canceled.");

    private static ProblemHttpResult Overlap() => Problems.Conflict("This leave overlaps another pending or approved leave.");

    private static ValidationProblem Insufficient(decimal days, decimal remaining) =>
        Problems.Field("type", $"Insufficient balance: {days} days requested, {remaining} remaining.");

    private static Leave Snapshot(Leave l) => new()
    {
        Id = l.Id, MembershipId = l.MembershipId, Type = l.Type, StartDate = l.StartDate, EndDate = l.EndDate,
        StartHalf = l.StartHalf, EndHalf = l.EndHalf, Days = l.Days, Status = l.Status,
    };
}
