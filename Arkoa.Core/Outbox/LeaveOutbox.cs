namespace Arkoa.Core.Outbox;

public static partial class OutboxKinds
{
    /// <summary>A leave was requested or edited: one message per active manager of the company.</summary>
    public const string LeaveSubmitted = "leave.submitted";

    /// <summary>A leave was approved or rejected (with the manager's note): to the member.</summary>
    public const string LeaveReviewed = "leave.reviewed";

    /// <summary>A manager canceled a member's leave: to the member.</summary>
    public const string LeaveCanceled = "leave.canceled";

    /// <summary>A member asks to cancel their approved leave: one message per active manager of the company.</summary>
    public const string LeaveCancelRequested = "leave.cancel-requested";

    /// <summary>
    /// A manager answered a member's request to cancel: to the member. <see cref="LeaveMailPayload.Status"/> CANCELED is
    /// accepted (the days are back), APPROVED declined, with the manager's reason in <see cref="LeaveMailPayload.ManagerNote"/>.
    /// </summary>
    public const string LeaveCancelAnswered = "leave.cancel-answered";

    /// <summary>A step of the member's request waited too long and was passed on (SPEC §11 escalation): to the member.</summary>
    public const string LeaveEscalated = "leave.escalated";
}

/// <summary>The member's request was passed on to <see cref="PassedTo"/> (their names) after it waited too long.</summary>
public sealed record LeaveEscalatedPayload(
    string To, string RecipientName, string Language, Guid CompanyId, string CompanyName,
    Guid LeaveId, string LeaveType, DateOnly StartDate, DateOnly EndDate, decimal Days, IReadOnlyList<string> PassedTo);

/// <summary>
/// Everything a leave mail shows, captured when the event happened (names may change later). A request to decide also
/// names the recipient's membership and the request's <see cref="MailDecisions.DecisionLink.FingerprintOf"/>, from
/// which the Worker signs the mail's Approve and Reject links (absent: no such links, as in messages queued before them).
/// </summary>
public sealed record LeaveMailPayload(
    string To, string RecipientName, string Language,
    Guid CompanyId, string CompanyName, Guid MembershipId, string MemberName, string ActorName,
    Guid LeaveId, string LeaveType, DateOnly StartDate, DateOnly EndDate, decimal Days,
    string Status, string? ManagerNote, bool Edited, Guid? RecipientMembershipId = null, long? DecisionFingerprint = null);
