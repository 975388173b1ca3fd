using System.ComponentModel.DataAnnotations;
using Arkoa.Api.Http;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;

namespace Arkoa.Api.Contracts;

public sealed record CreateLeaveRequest(
    [property: Required] LeaveType? Type,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate,
    HalfDayPeriod? StartHalf,
    HalfDayPeriod? EndHalf,
    HalfDayPeriod? HalfDayPeriod,
    [property: StringLength(Leave.TextMaxLength), MultiLineText] string? Reason);

/// <summary>
/// A leave, with what the caller may do with it now (<c>allowedActions</c>: edit, cancel, delete, approve, reject,
/// request-cancel, decline-cancel), and the member's open request to cancel it (<c>cancelRequestedAt</c>, null when none).
/// </summary>
public sealed record LeaveResponse(
    Guid Id, Guid MembershipId, LeaveType Type, DateOnly StartDate, DateOnly EndDate,
    HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days, LeaveStatus Status,
    string? Reason, string? ManagerNote, Guid? ReviewedById, DateTime? ReviewedAt, int Version, DateTime CreatedAt,
    IReadOnlyList<string> AllowedActions, DateTime? CancelRequestedAt = null, string? CancelRequestReason = null,
    LeaveApprovalSummary? Approval = null)
{
    /// <summary>The leave as <paramref name="actor"/> sees it on the company's <paramref name="today"/>.</summary>
    public static LeaveResponse From(Leave l, LeaveActor actor, bool memberActive, DateOnly today) => new(
        l.Id, l.MembershipId, l.Type, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf, l.Days, l.Status,
        l.Reason, l.ManagerNote, l.ReviewedById, l.ReviewedAt, l.Version, l.CreatedAt,
        l.AllowedActions(actor, memberActive, today).Select(a => a.WireName()).ToList(), l.CancelRequestedAt, l.CancelRequestReason,
        LeaveApprovalSummary.Of(l) is { } approval ? approval with { WaitingForYou = actor.AwaitsDecisionOn(l.Id) } : null);
}

/// <summary>PATCH body: the leave's new type, dates and halves (replacing the old ones); reason kept when absent.</summary>
public sealed record UpdateLeaveRequest(
    [property: Required] LeaveType? Type,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate,
    HalfDayPeriod? StartHalf,
    HalfDayPeriod? EndHalf,
    HalfDayPeriod? HalfDayPeriod,
    [property: StringLength(Leave.TextMaxLength), MultiLineText] string? Reason,
    int? Version);

/// <summary>Optional body of cancel/delete: the version the caller saw, to refuse acting on a changed leave.</summary>
public sealed record LeaveVersionRequest(int? Version);

/// <summary>The member asks to cancel their approved leave: why (optional) and the version they saw.</summary>
public sealed record RequestCancelRequest([property: StringLength(Leave.TextMaxLength), MultiLineText] string? Reason, int? Version);

/// <summary>The member takes back their request to cancel: the version they saw, if they give it.</summary>
public sealed record WithdrawCancelRequest(int? Version);

/// <summary>A manager declines a cancellation request: why (required) and the version they saw.</summary>
public sealed record DeclineCancelRequest([property: StringLength(Leave.TextMaxLength), MultiLineText] string? ManagerNote, int? Version);

/// <summary>
/// A review: APPROVED or REJECTED (a note required to reject), the version seen, and <c>overrideCoverage</c> to approve
/// although the member's team then falls short of its coverage rule (SPEC §12; a note required too).
/// </summary>
public sealed record ReviewLeaveRequest(
    [property: Required] LeaveStatus? Status,
    [property: StringLength(Leave.TextMaxLength), MultiLineText] string? ManagerNote,
    int? Version,
    bool? OverrideCoverage = null);

/// <summary>
/// One step of a leave: a transition (SUBMITTED … DELETED, CANCEL_REQUESTED, CANCEL_DECLINED, CANCEL_WITHDRAWN; ESCALATED:
/// the Worker passed a chained request's step on, no actor), from and to which status (null: none), by whom, when and why; <c>coverageOverridden</c>: approved although the team fell short of
/// its coverage rule (SPEC §12); <c>companyApiTokenId</c> and <c>companyApiTokenName</c>: the company API token the
/// step was made with (the actor is then the admin who created it).
/// </summary>
public sealed record LeaveStatusChangeResponse(
    Guid Id, LeaveTransition Transition, LeaveStatus? FromStatus, LeaveStatus? ToStatus, Guid? ActorId, string? ActorName,
    string? Note, DateTime At, bool CoverageOverridden = false, Guid? CompanyApiTokenId = null, string? CompanyApiTokenName = null);
