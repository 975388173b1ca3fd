using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Leaves;

/// <summary>
/// Writes what leave transitions do to balances (SPEC §4): the <see cref="Leave"/> aggregate decides the movements,
/// this reads the balances it checks them against and applies them through <see cref="BalanceLedger.TryApply"/>, each
/// with its history row. Call both under the member lock (<see cref="MemberLock"/>), in one transaction.
/// </summary>
public static class LeaveBalanceEffects
{
    /// <summary>What is left of the member's balance of the plan's type (nothing to read for a type without one).</summary>
    public static async Task<IReadOnlyDictionary<LeaveType, decimal>> RemainingAsync(
        this ArkoaDbContext db, Guid membershipId, LeavePlan plan, CancellationToken cancellationToken)
    {
        var type = plan.Type;
        if (!plan.UsesBalance) return new Dictionary<LeaveType, decimal>();
        // Tracked: the write that follows finds this row in the context instead of reading it again.
        var balance = await db.LeaveBalances.SingleOrDefaultAsync(b => b.MembershipId == membershipId && b.Type == type, cancellationToken);
        return new Dictionary<LeaveType, decimal> { [type] = balance?.RemainingDays ?? 0 };
    }

    /// <summary>
    /// Applies the leave's pending movements in order, the actor named on each history row. The aggregate checked them
    /// against the balances read under the same lock; should one still not fit, nothing more is applied and the error says
    /// so (the caller does not save).
    /// </summary>
    public static async Task<DomainError?> ApplyAsync(
        this BalanceLedger ledger, ArkoaDbContext db, Leave leave, Guid actorId, CancellationToken cancellationToken)
    {
        foreach (var movement in leave.BalanceMovements)
        {
            var balance = db.LeaveBalances.Local.FirstOrDefault(b => b.MembershipId == leave.MembershipId && b.Type == movement.Type)
                ?? await ledger.GetOrCreateAsync(leave.MembershipId, movement.Type, cancellationToken);
            if (!ledger.TryApply(balance, movement.Change, movement.HistoryType, actorId, leave.Id, movement.Reason, movement.Facts))
            {
                return LeaveErrors.InsufficientBalance(leave.Days, balance.RemainingDays);
            }
        }
        leave.ClearBalanceMovements();
        return null;
    }
}
