using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/memberships/{membershipId}/leave-balances and leave-balance-history.</summary>
public static class BalanceEndpoints
{
    public static RouteGroupBuilder MapBalanceEndpoints(this RouteGroupBuilder api)
    {
        var member = api.MapGroup("/companies/{companyId:guid}/memberships/{membershipId:guid}").WithTags("Balances");
        member.MapGet("/leave-balances", List);
        member.MapPost("/leave-balances", Adjust);
        member.MapGet("/leave-balance-history", History);
        return api;
    }

    private static async Task<Results<Ok<List<LeaveBalanceResponse>>, ProblemHttpResult>> List(
        Guid companyId, Guid membershipId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var readable = db.ReadableMember(companyId, membershipId, userId);
        Task<List<LeaveBalanceResponse>> ReadAsync(bool checkedAlready) => db.LeaveBalances.AsNoTracking()
            .Where(b => b.MembershipId == membershipId && (checkedAlready || readable.Any()))
            .OrderBy(b => b.Type)
            .Select(b => new LeaveBalanceResponse(b.Id, b.Type, b.RemainingDays, b.UpdatedAt))
            .ToListAsync(cancellationToken);
        var balances = await ReadAsync(checkedAlready: false);
        if (balances.Count > 0) return TypedResults.Ok(balances);
        if (await db.MemberReadRefusalAsync(companyId, membershipId, userId, cancellationToken) is { } refusal) return refusal;
        // Allowed, but not by role (a team manager, an approver): read again without the role's condition.
        return TypedResults.Ok(await ReadAsync(checkedAlready: true));
    }

    private static async Task<Results<Ok<LeaveBalanceResponse>, ValidationProblem, ProblemHttpResult>> Adjust(
        Guid companyId, Guid membershipId, AdjustBalanceRequest request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, WebhookOutbox webhooks, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (caller is null || !caller.IsManager) return Problems.Forbidden(ProblemCodes.ManagerOnlyBalances, "Only a manager can adjust balances.");
        if (!await db.Memberships.AnyAsync(m => m.Id == membershipId && m.CompanyId == companyId, cancellationToken))
        {
            return Problems.NotFound(ProblemCodes.MembershipNotFound, "The membership");
        }

        if ((await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken)).Find(request.Type!.Value) is null)
        {
            return LeaveTypeErrors.Unknown(request.Type.Value).ToProblem();
        }
        var change = request.Change!.Value;
        if (change == 0) return Problems.Field("change", ProblemCodes.BalanceChangeZero, "The change cannot be zero.");
        if (change * 2 != decimal.Truncate(change * 2)) return Problems.Field("change", ProblemCodes.BalanceChangeHalfDays, "The change must be a whole or half day.");
        var historyType = request.HistoryType!.Value;
        if (historyType is LeaveBalanceHistoryType.LEAVE_DEDUCTION or LeaveBalanceHistoryType.LEAVE_REFUND)
        {
            return Problems.Field("historyType", ProblemCodes.BalanceKindByLeaves, "Leave deductions and refunds are written by leaves, not by hand.");
        }

        return await db.InTransactionAsync<Results<Ok<LeaveBalanceResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            // Read under the member lock, which a deactivation waits for: the rule holds against a concurrent change.
            await db.LockMemberAsync(membershipId, ct);
            var target = await db.Memberships.AsNoTracking().SingleAsync(m => m.Id == membershipId, ct);
            if (Refused(BalanceAdjustmentRule.Check(caller, target)) is { } refused) return refused;

            var balance = await ledger.GetOrCreateAsync(membershipId, request.Type!.Value, ct);
            if (!ledger.TryApply(balance, change, historyType, userId, leaveId: null, request.Reason!.Trim(), new BalanceChangeFacts { Cause = BalanceChangeCause.MANUAL }))
            {
                return Problems.Field("change", ProblemCodes.BalanceBelowZero, $"The balance cannot go below zero ({balance.RemainingDays} remaining).",
                    new Dictionary<string, object?> { ["remaining"] = balance.RemainingDays });
            }
            await webhooks.BalanceAdjustedAsync(companyId, balance, change, historyType, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new LeaveBalanceResponse(balance.Id, balance.Type, balance.RemainingDays, balance.UpdatedAt));
        }, cancellationToken);
    }

    private static ProblemHttpResult? Refused(AdjustmentRefusal refusal) => refusal switch
    {
        AdjustmentRefusal.None => null,
        AdjustmentRefusal.NotAManager => Problems.Forbidden(ProblemCodes.ManagerOnlyBalances, "Only a manager can adjust balances."),
        AdjustmentRefusal.OwnBalance => Problems.Forbidden(ProblemCodes.OwnBalanceAdjustment, "Nobody adjusts their own balance: another admin must do it."),
        AdjustmentRefusal.NeedsAnAdmin => Problems.Forbidden(ProblemCodes.AdminOnlyPrivilegedBalance, "Only an admin can adjust a manager's or an admin's balance."),
        AdjustmentRefusal.Deactivated => Problems.Conflict(ProblemCodes.MembershipDeactivated, "This membership is deactivated."),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };

    /// <summary>The columns the balance history sorts on (?sort=); by default the newest entry first.</summary>
    private static readonly string[] HistorySortKeys = ["date", "change"];

    private static async Task<Results<Ok<PagedList<BalanceHistoryResponse>>, ValidationProblem, ProblemHttpResult>> History(
        Guid companyId, Guid membershipId, [AsParameters] HistoryFilterQuery filter, [AsParameters] SortQuery sortQuery,
        [AsParameters] PageQuery page, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = page.Errors();
        var (type, kind) = filter.Parse(errors);
        var sort = sortQuery.Parse(HistorySortKeys, errors);
        if (errors.Count > 0) return Problems.Fields(errors);
        if (await db.MemberReadRefusalAsync(companyId, membershipId, context.User.UserId(), cancellationToken) is { } refusal) return refusal;

        var query = db.LeaveBalanceHistory.AsNoTracking()
            .Where(h => h.LeaveBalance!.MembershipId == membershipId
                && db.Memberships.Any(m => m.Id == membershipId && m.CompanyId == companyId));
        if (type is not null) query = query.Where(h => h.LeaveBalance!.Type == type);
        if (kind is not null) query = query.Where(h => h.Type == kind);
        var total = await query.CountAsync(cancellationToken);
        var sorted = sort is { Key: "change" }
            ? query.OrderBy(h => h.Change, sort.Descending).ThenByDescending(h => h.CreatedAt)
            : query.OrderBy(h => h.CreatedAt, sort?.Descending ?? true);
        var items = await sorted.ThenByDescending(h => h.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(h => new BalanceHistoryResponse(h.Id, h.LeaveBalance!.Type, h.Change, h.Type, h.Reason,
                h.ActorId, h.Actor == null ? null : h.Actor.Name, h.LeaveId, h.CreatedAt, h.Facts, h.CompanyApiTokenId,
                db.CompanyApiTokens.Where(t => t.Id == h.CompanyApiTokenId).Select(t => t.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<BalanceHistoryResponse>(items, total, page.Number, page.Size));
    }
}
