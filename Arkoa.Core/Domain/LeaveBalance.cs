namespace Arkoa.Core.Domain;

public sealed class LeaveBalance : Entity
{
    public Guid MembershipId { get; set; }
    public LeaveType Type { get; set; }
    public decimal RemainingDays { get; set; }

    /// <summary>Only these types have a balance that leaves consume.</summary>
    public static bool IsConsumedBy(LeaveType type) => type == LeaveType.PAID || type == LeaveType.RTT;
}
