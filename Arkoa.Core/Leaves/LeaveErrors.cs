using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// Every refusal of the leave lifecycle (SPEC §4), with its stable code. The messages are the Api's English sentences
/// of before the codes existed: the Web still translates those (moving it to codes is a later step).
/// </summary>
public static class LeaveErrors
{
    private static DomainError Forbidden(string code, string message) => new(code, DomainErrorKind.Forbidden, message);
    private static DomainError Conflict(string code, string message, IReadOnlyDictionary<string, object?>? values = null) =>
        new(code, DomainErrorKind.Conflict, message, Values: values);
    private static DomainError Invalid(string code, string field, string message, IReadOnlyDictionary<string, object?>? values = null) =>
        new(code, DomainErrorKind.Validation, message, field, values);

    /// <summary>Neither the leave's owner nor a manager of the company.</summary>
    public static readonly DomainError NotAllowed = Forbidden("not-allowed", "You are not allowed to do this.");
    public static readonly DomainError ReviewNeedsManager = Forbidden("review-needs-manager", "Only a manager can review leaves.");
    public static readonly DomainError OwnLeaveReview = Forbidden("own-leave-review", "You cannot review your own leave.");
    public static readonly DomainError ApprovedCancelNeedsManager =
        Forbidden("approved-cancel-needs-manager", "Only a manager can cancel an approved leave.");

    public static readonly DomainError MembershipNotFound = new("membership-not-found", DomainErrorKind.NotFound, "The membership was not found.");
    public static readonly DomainError LeaveNotFound = new("leave-not-found", DomainErrorKind.NotFound, "The leave was not found.");

    /// <summary>A deactivated member gets no new leave.</summary>
    public static readonly DomainError MembershipDeactivated = Conflict("membership-deactivated", "This membership is deactivated.");

    /// <summary>A deactivated member's leaves keep their state: a manager may still cancel one (with refund), nothing else.</summary>
    public static readonly DomainError OnlyCancel =
        Conflict("membership-deactivated-cancel-only", "This membership is deactivated: its leaves can only be canceled.");

    public static readonly DomainError Stale = Conflict("stale-leave", "The leave was changed by someone else; reload it and try again.");
    public static readonly DomainError Overlap = Conflict("leave-overlap", "This leave overlaps another pending or approved leave.");

    public static DomainError NotPending(LeaveStatus status) =>
        Conflict("leave-not-pending", $"The leave is {status}, no longer PENDING.", Status(status));

    public static DomainError Started(LeaveStatus status) =>
        Conflict("leave-started", $"A {status} leave cannot be canceled once it has started.", Status(status));

    public static DomainError NotCancelable(LeaveStatus status) =>
        Conflict("leave-not-cancelable", $"A {status} leave cannot be canceled.", Status(status));

    public static DomainError NotDeletable(LeaveStatus status) =>
        Conflict("leave-not-deletable", $"A {status} leave cannot be deleted; cancel it instead.", Status(status));

    public static DomainError InsufficientBalance(decimal requested, decimal remaining) =>
        Invalid("insufficient-balance", "type", $"Insufficient balance: {requested} days requested, {remaining} remaining.",
            new Dictionary<string, object?> { ["requested"] = requested, ["remaining"] = remaining });

    public static readonly DomainError HalfDayPeriodOnOneDayOnly = Invalid("half-day-period-one-day-only", "halfDayPeriod",
        "halfDayPeriod is only for a one-day leave; use startHalf/endHalf.");
    public static readonly DomainError HalfDayPeriodWithHalves = Invalid("half-day-period-with-halves", "halfDayPeriod",
        "Give either halfDayPeriod or startHalf/endHalf, not both.");
    public static readonly DomainError EndBeforeStart = Invalid("end-before-start", "endDate", "The end date must be on or after the start date.");

    public static DomainError TooLong(int maxDays) => Invalid("leave-too-long", "endDate", "A leave cannot be longer than a year.",
        new Dictionary<string, object?> { ["maxDays"] = maxDays });

    public static readonly DomainError InvertedHalves = Invalid("inverted-half-days", "endHalf",
        "A one-day leave cannot start in the afternoon and end in the morning.");
    public static readonly DomainError BackfillNeedsManager = Invalid("backfill-needs-manager", "startDate",
        "Only a manager can record a leave in the past.");
    public static readonly DomainError NoWorkingDay = Invalid("no-working-day", "endDate", "No working day in this range.");
    public static readonly DomainError ReviewStatus = Invalid("review-status-invalid", "status", "A review is APPROVED or REJECTED.");
    public static readonly DomainError RejectionNeedsNote = Invalid("rejection-note-required", "managerNote", "Say why the leave is rejected.");

    private static Dictionary<string, object?> Status(LeaveStatus status) => new() { ["status"] = status.ToString() };
}
