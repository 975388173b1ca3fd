using Arkoa.Core.Domain;

namespace Arkoa.Core.Balances;

/// <summary>What the hash of a ledger entry covers, plus the hashes stored with it. The reason is not covered: erasure clears it.</summary>
public sealed record LedgerEntry(
    Guid Id, Guid MembershipId, long Sequence, LeaveType BalanceType, LeaveBalanceHistoryType Kind, decimal Change,
    Guid? ActorId, Guid? LeaveId, DateTime CreatedAt, string PreviousHash, string Hash);
