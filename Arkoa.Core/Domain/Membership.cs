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

    /// <summary>A manager of the company: MANAGER or ADMIN (SPEC §1). The one place this rule is written.</summary>
    public bool IsManager => IsManagerRole(Role);

    public static bool IsManagerRole(UserRole role) => role is UserRole.MANAGER or UserRole.ADMIN;
}
