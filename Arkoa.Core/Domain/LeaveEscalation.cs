namespace Arkoa.Core.Domain;

/// <summary>
/// A step of a leave request the Worker passed on because it waited too long (SPEC §11 escalation): to the next step, or,
/// at the last step, to the company's admins. Its unique (leave, round, step) is what lets a step be escalated once only,
/// whatever the replicas and reruns; <see cref="Entity.CreatedAt"/> is when the next step started waiting.
/// </summary>
public sealed class LeaveEscalation : Entity
{
    public Guid LeaveId { get; set; }
    public int Round { get; set; }

    /// <summary>The step that was passed on (0 for the first).</summary>
    public int Step { get; set; }
}
