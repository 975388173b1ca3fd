using Arkoa.Core.Balances;

namespace Arkoa.Core.Domain;

/// <summary>
/// One signed change of a balance, an entry of the member's ledger; rows are only ever appended. The database refuses
/// any UPDATE or DELETE (migration SoftDeletedLeavesAndAppendOnlyHistory) but two: clearing <see cref="Reason"/>
/// (erasure of a person) and deleting a whole company. It also keeps each balance equal to the sum of its entries and
/// chains every member's entries by hash (migration LedgerHashChainAndBalanceSum, docs/specification.md §2).
/// </summary>
public sealed class LeaveBalanceHistory : Entity
{
    public Guid LeaveBalanceId { get; set; }
    public LeaveBalance? LeaveBalance { get; set; }
    public decimal Change { get; set; }
    public string? Reason { get; set; }

    /// <summary>What the change is about, for each reader to see in their language; null on entries written before facts existed.</summary>
    public BalanceChangeFacts? Facts { get; set; }
    public LeaveBalanceHistoryType Type { get; set; }

    /// <summary>The user who caused the change; null when a scheduled job did.</summary>
    public Guid? ActorId { get; set; }
    public User? Actor { get; set; }

    /// <summary>The company API token the change was made with (<see cref="ActorId"/> is then its creator), or null.</summary>
    public Guid? CompanyApiTokenId { get; set; }
    public Guid? LeaveId { get; set; }

    /// <summary>The member whose ledger this entry belongs to (the balance's); the chain runs over all their balances.</summary>
    public Guid MembershipId { get; set; }

    /// <summary>1, 2, 3… per member, in the order the entries were written; set by the database on insert.</summary>
    public long Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the member's entry before this one (<see cref="Balances.LedgerHash.Genesis"/> for the first); set by the database.</summary>
    public string PreviousHash { get; set; } = null!;

    /// <summary>SHA-256 of this entry's canonical form (<see cref="Balances.LedgerHash"/>), lowercase hex; set by the database.</summary>
    public string Hash { get; set; } = null!;
}
