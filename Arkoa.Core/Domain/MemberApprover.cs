namespace Arkoa.Core.Domain;

/// <summary>
/// The approver an admin set for one member (SPEC §11): it takes the place of the member's team managers wherever a step
/// asks for them. One per member.
/// </summary>
public sealed class MemberApprover : Entity
{
    public Guid CompanyId { get; set; }
    public Guid MembershipId { get; set; }
    public Guid ApproverMembershipId { get; set; }
}
