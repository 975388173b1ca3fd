namespace Arkoa.Core.Domain;

public sealed class Membership : Entity
{
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public Guid CompanyId { get; set; }
    public Company? Company { get; set; }
    public UserRole Role { get; set; }

    /// <summary>A deactivated membership keeps its history but no longer gives access nor counts in stats.</summary>
    public bool Active { get; set; } = true;
    public DateOnly JoinedOn { get; set; }

    public List<LeaveBalance> Balances { get; set; } = [];
    public List<Leave> Leaves { get; set; } = [];

    public bool IsManager => Role is UserRole.MANAGER or UserRole.ADMIN;
}
