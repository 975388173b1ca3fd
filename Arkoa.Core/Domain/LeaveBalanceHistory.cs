namespace Arkoa.Core.Domain;

/// <summary>
/// One signed change of a balance; rows are only ever appended. The database refuses any UPDATE or DELETE (migration
/// SoftDeletedLeavesAndAppendOnlyHistory) but two: clearing <see cref="Reason"/> (erasure of a person) and deleting a
/// whole company.
/// </summary>
public sealed class LeaveBalanceHistory : Entity
{
    public Guid LeaveBalanceId { get; set; }
    public LeaveBalance? LeaveBalance { get; set; }
    public decimal Change { get; set; }
    public string? Reason { get; set; }
    public LeaveBalanceHistoryType Type { get; set; }

    /// <summary>The user who caused the change; null when a scheduled job did.</summary>
    public Guid? ActorId { get; set; }
    public User? Actor { get; set; }
    public Guid? LeaveId { get; set; }
}
