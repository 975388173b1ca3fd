namespace Arkoa.Core.Domain;

public sealed class LeaveBalance : Entity
{
    public Guid MembershipId { get; set; }
    public LeaveType Type { get; set; }
    public decimal RemainingDays { get; set; }
}
