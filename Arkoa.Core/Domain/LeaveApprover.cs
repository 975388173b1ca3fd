using Arkoa.Core.Approvals;

namespace Arkoa.Core.Domain;

/// <summary>
/// An approver of one step of a leave request, resolved when the request arrived (<see cref="ApproverResolver"/>):
/// delegation applied (<see cref="OnBehalfOfId"/> names the person they stand in for), the requester left out. An edit
/// resolves the chain again in a new <see cref="Round"/>.
/// </summary>
public sealed class LeaveApprover : Entity
{
    public Guid LeaveId { get; set; }
    public int Round { get; set; }

    /// <summary>0 for the first step of the round.</summary>
    public int Step { get; set; }
    public ApproverKind Kind { get; set; }
    public ApprovalMode Mode { get; set; }
    public Guid MembershipId { get; set; }
    public Guid? OnBehalfOfId { get; set; }
}
