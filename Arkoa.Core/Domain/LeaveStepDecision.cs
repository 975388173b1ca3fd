using Arkoa.Core.Approvals;

namespace Arkoa.Core.Domain;

/// <summary>
/// One approver's decision at one step of a leave request (who, on behalf of whom, when: <see cref="Entity.CreatedAt"/>,
/// and the note). Append-only; the final approval or a rejection is also in the leave's status history.
/// </summary>
public sealed class LeaveStepDecision : Entity
{
    public Guid LeaveId { get; set; }
    public int Round { get; set; }
    public int Step { get; set; }
    public Guid MembershipId { get; set; }
    public Guid? OnBehalfOfId { get; set; }
    public StepDecision Decision { get; set; }
    public string? Note { get; set; }
}
