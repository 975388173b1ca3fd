namespace Arkoa.Core.Domain;

/// <summary>
/// The transitions a leave's status history records. CANCEL_REQUESTED (the member asks to cancel an APPROVED leave),
/// CANCEL_DECLINED (a manager says no) and CANCEL_WITHDRAWN (the member takes the request back) keep the status; a manager
/// accepting the request is CANCELED. ESCALATED (no actor: the Worker) passed a chained request's step on after it waited
/// too long (<see cref="Leave.Escalate"/>); the request stays PENDING.
/// </summary>
public enum LeaveTransition { SUBMITTED, EDITED, APPROVED, REJECTED, CANCELED, DELETED, CANCEL_REQUESTED, CANCEL_DECLINED, CANCEL_WITHDRAWN, ESCALATED }

/// <summary>
/// One step of a leave's life (SPEC §4): who did what, when (<see cref="Entity.CreatedAt"/>), from which status to which,
/// and why. Written by the <see cref="Leave"/> aggregate with the change itself; the leave's ReviewedById, ReviewedAt
/// and ManagerNote only keep the last review, this keeps every step. Erasure of a person clears <see cref="Note"/>.
/// </summary>
public sealed class LeaveStatusChange : Entity
{
    public Guid LeaveId { get; set; }
    public LeaveTransition Transition { get; set; }

    /// <summary>Null for the submission, which starts the leave.</summary>
    public LeaveStatus? FromStatus { get; set; }
    /// <summary>Null when the leave was deleted.</summary>
    public LeaveStatus? ToStatus { get; set; }

    /// <summary>The user who acted; null for steps recorded before this table existed whose actor is unknown.</summary>
    public Guid? ActorId { get; set; }
    public User? Actor { get; set; }

    /// <summary>The company API token the actor's change was made with (the actor is then its creator), or null.</summary>
    public Guid? CompanyApiTokenId { get; set; }

    /// <summary>The why: the request's reason (submit, edit, cancellation request) or the manager's note (review, declined cancellation).</summary>
    public string? Note { get; set; }

    /// <summary>An approval given although the member's team fell short of its coverage rule, the note saying why (SPEC §12).</summary>
    public bool CoverageOverridden { get; set; }
}
