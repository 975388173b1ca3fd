using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// Every refusal of the leave lifecycle (SPEC §4), with its stable code (<see cref="ProblemCodes"/>) and values. The
/// messages are the Api's English sentences for clients that do not localise; the Web localises by code.
/// </summary>
public static class LeaveErrors
{
    private static DomainError Forbidden(string code, string message) => new(code, DomainErrorKind.Forbidden, message);
    private static DomainError Conflict(string code, string message, IReadOnlyDictionary<string, object?>? values = null) =>
        new(code, DomainErrorKind.Conflict, message, Values: values);
    private static DomainError Invalid(string code, string field, string message, IReadOnlyDictionary<string, object?>? values = null) =>
        new(code, DomainErrorKind.Validation, message, field, values);

    /// <summary>Neither the leave's owner nor a manager of the company.</summary>
    public static readonly DomainError NotAllowed = Forbidden(ProblemCodes.NotAllowed, "You are not allowed to do this.");
    public static readonly DomainError ReviewNeedsManager = Forbidden(ProblemCodes.ReviewNeedsManager, "Only a manager can review leaves.");
    public static readonly DomainError OutsideTheirTeams = Forbidden(ProblemCodes.LeaveOutsideTheirTeams,
        "Only a company manager or a manager of the member's team can decide this request.");
    /// <summary>A request following an approval chain whose current step does not wait for the caller (SPEC §11).</summary>
    public static readonly DomainError NotYourStep = Forbidden(ProblemCodes.ApprovalNotYourStep,
        "This request does not wait for your decision at its current approval step.");
    /// <summary>The caller already decided this request's current step, or an earlier step (a concurrent decision moved it on).</summary>
    public static readonly DomainError StepDecided = Conflict(ProblemCodes.ApprovalStepDecided,
        "You already decided this request at an earlier or the current step; it now waits for someone else.");
    public static readonly DomainError OwnLeaveReview = Forbidden(ProblemCodes.OwnLeaveReview, "You cannot review your own leave.");
    public static readonly DomainError ApprovedCancelNeedsManager =
        Forbidden(ProblemCodes.ApprovedCancelNeedsManager, "Only a manager can cancel an approved leave.");

    public static readonly DomainError MembershipNotFound = new(ProblemCodes.MembershipNotFound, DomainErrorKind.NotFound, "The membership was not found.");
    public static readonly DomainError LeaveNotFound = new(ProblemCodes.LeaveNotFound, DomainErrorKind.NotFound, "The leave was not found.");

    /// <summary>A deactivated member gets no new leave.</summary>
    public static readonly DomainError MembershipDeactivated = Conflict(ProblemCodes.MembershipDeactivated, "This membership is deactivated.");

    /// <summary>A deactivated member's leaves keep their state: a manager may still cancel one (with refund), nothing else.</summary>
    public static readonly DomainError OnlyCancel =
        Conflict(ProblemCodes.MembershipDeactivatedCancelOnly, "This membership is deactivated: its leaves can only be canceled.");

    public static readonly DomainError Stale = Conflict(ProblemCodes.StaleLeave, "The leave was changed by someone else; reload it and try again.");
    /// <summary>The leave it overlaps travels as values, so a client can name it (its id, type and dates).</summary>
    public static DomainError Overlap(LeaveNeighbour other) => Conflict(ProblemCodes.LeaveOverlap,
        "This leave overlaps another pending or approved leave.", new Dictionary<string, object?>
        {
            ["leaveId"] = other.LeaveId, ["leaveType"] = other.Type.ToString(),
            ["startDate"] = other.Span.StartDate, ["endDate"] = other.Span.EndDate,
        });

    public static DomainError NotPending(LeaveStatus status) =>
        Conflict(ProblemCodes.LeaveNotPending, $"The leave is {status}, no longer PENDING.", Status(status));

    public static DomainError Started(LeaveStatus status) =>
        Conflict(ProblemCodes.LeaveStarted, $"A {status} leave cannot be canceled once it has started.", Status(status));

    public static DomainError NotCancelable(LeaveStatus status) =>
        Conflict(ProblemCodes.LeaveNotCancelable, $"A {status} leave cannot be canceled.", Status(status));

    public static DomainError NotDeletable(LeaveStatus status) =>
        Conflict(ProblemCodes.LeaveNotDeletable, $"A {status} leave cannot be deleted; cancel it instead.", Status(status));

    /// <summary>The caller may cancel this leave themself, so there is nobody to ask.</summary>
    public static readonly DomainError CancelItYourself =
        Conflict(ProblemCodes.CancelItYourself, "You can cancel this leave yourself; there is no need to ask.");
    public static readonly DomainError CancelAlreadyRequested =
        Conflict(ProblemCodes.CancelAlreadyRequested, "You already asked to cancel this leave; a manager will answer.");
    public static readonly DomainError NoCancelRequest =
        Conflict(ProblemCodes.NoCancelRequest, "Nobody asked to cancel this leave (or a manager already answered).");
    public static readonly DomainError DeclineNeedsNote =
        Invalid(ProblemCodes.DeclineNoteRequired, "managerNote", "Say why the leave cannot be canceled.");

    public static DomainError InsufficientBalance(decimal requested, decimal remaining) =>
        Invalid(ProblemCodes.InsufficientBalance, "type", $"Insufficient balance: {requested} days requested, {remaining} remaining.",
            new Dictionary<string, object?> { ["requested"] = requested, ["remaining"] = remaining });

    public static readonly DomainError HalfDayPeriodOnOneDayOnly = Invalid(ProblemCodes.HalfDayPeriodOneDayOnly, "halfDayPeriod",
        "halfDayPeriod is only for a one-day leave; use startHalf/endHalf.");
    public static readonly DomainError HalfDayPeriodWithHalves = Invalid(ProblemCodes.HalfDayPeriodWithHalves, "halfDayPeriod",
        "Give either halfDayPeriod or startHalf/endHalf, not both.");
    public static readonly DomainError EndBeforeStart = Invalid(ProblemCodes.EndBeforeStart, "endDate", "The end date must be on or after the start date.");

    public static DomainError TooLong(int maxDays) => Invalid(ProblemCodes.LeaveTooLong, "endDate", "A leave cannot be longer than a year.",
        new Dictionary<string, object?> { ["maxDays"] = maxDays });

    public static readonly DomainError InvertedHalves = Invalid(ProblemCodes.InvertedHalfDays, "endHalf",
        "A one-day leave cannot start in the afternoon and end in the morning.");
    public static readonly DomainError BackfillNeedsManager = Invalid(ProblemCodes.BackfillNeedsManager, "startDate",
        "Only a manager can record a leave in the past.");
    public static readonly DomainError NoWorkingDay = Invalid(ProblemCodes.NoWorkingDay, "endDate", "No working day in this range.");
    public static readonly DomainError ReviewStatus = Invalid(ProblemCodes.ReviewStatusInvalid, "status", "A review is APPROVED or REJECTED.");
    public static readonly DomainError RejectionNeedsNote = Invalid(ProblemCodes.RejectionNoteRequired, "managerNote", "Say why the leave is rejected.");

    private static Dictionary<string, object?> Status(LeaveStatus status) => new() { ["status"] = status.ToString() };
}
