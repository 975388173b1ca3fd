using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Balances;

/// <summary>
/// The only way balances change: every change writes its history row in the same unit of work.
/// Callers hold the member's row lock (<see cref="MemberLock"/>) inside a transaction, so concurrent
/// requests for one member are applied one after the other and can never overdraw a balance.
/// The database keeps each balance equal to the sum of its history and chains the member's entries by hash as they are
/// inserted (migration LedgerHashChainAndBalanceSum): a change written any other way fails at commit.
/// </summary>
public sealed class BalanceLedger(ArkoaDbContext db)
{
    public async Task<LeaveBalance> GetOrCreateAsync(Guid membershipId, LeaveType type, CancellationToken cancellationToken)
    {
        var balance = await db.LeaveBalances.SingleOrDefaultAsync(b => b.MembershipId == membershipId && b.Type == type, cancellationToken);
        if (balance is null)
        {
            balance = new LeaveBalance { MembershipId = membershipId, Type = type, RemainingDays = 0 };
            db.LeaveBalances.Add(balance);
        }
        return balance;
    }

    /// <summary>Applies a signed change; returns false (and changes nothing) if it would go below zero.</summary>
    public bool TryApply(LeaveBalance balance, decimal change, LeaveBalanceHistoryType type, Guid? actorId, Guid? leaveId, string reason, BalanceChangeFacts facts)
    {
        if (balance.RemainingDays + change < 0) return false;
        balance.RemainingDays += change;
        db.LeaveBalanceHistory.Add(new LeaveBalanceHistory
        {
            LeaveBalanceId = balance.Id,
            MembershipId = balance.MembershipId,
            Change = change,
            Type = type,
            ActorId = actorId,
            LeaveId = leaveId,
            Reason = reason,
            Facts = facts,
        });
        return true;
    }
}
