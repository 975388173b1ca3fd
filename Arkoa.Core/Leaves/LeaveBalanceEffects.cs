using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>What leaves do to balances (SPEC §4): only PAID and RTT consume one; every effect writes its history row.</summary>
public static class LeaveBalanceEffects
{
    /// <summary>Takes the leave's days from its balance; false (nothing changed) when the balance is too small.</summary>
    public static async Task<(bool Ok, decimal Remaining)> DeductAsync(this BalanceLedger ledger, Leave leave, Guid actorId, CancellationToken cancellationToken)
    {
        if (!LeaveBalance.IsConsumedBy(leave.Type)) return (true, 0);
        var balance = await ledger.GetOrCreateAsync(leave.MembershipId, leave.Type, cancellationToken);
        var ok = ledger.TryApply(balance, -leave.Days, LeaveBalanceHistoryType.LEAVE_DEDUCTION, actorId, leave.Id, Describe(leave));
        return (ok, balance.RemainingDays);
    }

    /// <summary>Gives the leave's days back to its balance (reject, cancel, delete, or the old side of an edit).</summary>
    public static async Task RefundAsync(this BalanceLedger ledger, Leave leave, Guid actorId, string why, CancellationToken cancellationToken)
    {
        if (!LeaveBalance.IsConsumedBy(leave.Type)) return;
        var balance = await ledger.GetOrCreateAsync(leave.MembershipId, leave.Type, cancellationToken);
        ledger.TryApply(balance, leave.Days, LeaveBalanceHistoryType.LEAVE_REFUND, actorId, leave.Id, $"{why}: {Describe(leave)}");
    }

    /// <summary>
    /// An edit moves a leave from <paramref name="before"/> to <paramref name="after"/>. Within one balance type it writes
    /// a single net row (none when the count is unchanged); across types it refunds one and deducts the other.
    /// False (nothing changed) when the new days do not fit.
    /// </summary>
    public static async Task<(bool Ok, decimal Remaining)> ApplyEditAsync(
        this BalanceLedger ledger, Leave before, Leave after, Guid actorId, CancellationToken cancellationToken)
    {
        if (before.Type == after.Type)
        {
            if (!LeaveBalance.IsConsumedBy(after.Type)) return (true, 0);
            var balance = await ledger.GetOrCreateAsync(after.MembershipId, after.Type, cancellationToken);
            var net = before.Days - after.Days;
            if (net == 0) return (true, balance.RemainingDays);
            var type = net < 0 ? LeaveBalanceHistoryType.LEAVE_DEDUCTION : LeaveBalanceHistoryType.LEAVE_REFUND;
            var ok = ledger.TryApply(balance, net, type, actorId, after.Id, $"Edited: {Describe(before)} → {Describe(after)}");
            return (ok, balance.RemainingDays);
        }

        var deducted = await ledger.DeductAsync(after, actorId, cancellationToken);
        if (!deducted.Ok) return deducted;
        await ledger.RefundAsync(before, actorId, "Edited", cancellationToken);
        return deducted;
    }

    public static string Describe(Leave leave) =>
        $"{leave.Type} leave {leave.StartDate:yyyy-MM-dd} – {leave.EndDate:yyyy-MM-dd} ({leave.Days} days)";
}
