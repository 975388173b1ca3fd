namespace Arkoa.Web.Api;

// Wire shapes of the Api's leave, balance, calendar and stats endpoints (JSON, camelCase; enums are their names,
// such as "PAID", "PENDING" or "MORNING").

/// <summary>What the Api says the caller may do with a leave (its <c>allowedActions</c>): the Web shows those buttons only.</summary>
public static class LeaveActions
{
    public const string Edit = "edit", Cancel = "cancel", Delete = "delete", Approve = "approve", Reject = "reject";

    /// <summary>
    /// The member asks to cancel their approved leave, or takes that request back; a manager declines it (accepting it is
    /// <see cref="Cancel"/>).
    /// </summary>
    public const string RequestCancel = "request-cancel", WithdrawCancel = "withdraw-cancel", DeclineCancel = "decline-cancel";
}

/// <summary>One of the member's own leaves.</summary>
public sealed record Leave(
    string Id,
    string MembershipId,
    string Type,
    DateOnly StartDate,
    DateOnly EndDate,
    string? StartHalf,
    string? EndHalf,
    decimal Days,
    string Status,
    string? Reason,
    string? ManagerNote,
    DateTime? ReviewedAt,
    int Version,
    DateTime CreatedAt,
    IReadOnlyList<string>? AllowedActions = null,
    DateTime? CancelRequestedAt = null,
    string? CancelRequestReason = null)
{
    public bool Allows(string action) => AllowedActions?.Contains(action) == true;
}

/// <summary>A leave in the company-wide list managers review, with whose it is (a deactivated member's can only be canceled).</summary>
public sealed record CompanyLeave(
    string Id,
    string MembershipId,
    string MemberName,
    bool MemberActive,
    string Type,
    DateOnly StartDate,
    DateOnly EndDate,
    string? StartHalf,
    string? EndHalf,
    decimal Days,
    string Status,
    string? Reason,
    string? ManagerNote,
    DateTime? ReviewedAt,
    int Version,
    DateTime CreatedAt,
    IReadOnlyList<string>? AllowedActions = null,
    string? ReviewedByName = null,
    DateTime? CancelRequestedAt = null,
    string? CancelRequestReason = null,
    LeaveApproval? Approval = null)
{
    public bool Allows(string action) => AllowedActions?.Contains(action) == true;

    /// <summary>Whether the request waits for the viewer: any without a chain they see, a chained one at their step only.</summary>
    public bool WaitsForViewer => Approval is null || Approval.WaitingForYou;
}

/// <summary>Where a request following an approval chain stands: step <c>Step</c> (from 1) of <c>Steps</c> (SPEC §11).</summary>
public sealed record LeaveApproval(int Step, int Steps, bool WaitingForYou);

/// <summary>A request's steps with their approvers and decisions (GET …/leaves/{id}/approval).</summary>
public sealed record LeaveApprovalProgress(string LeaveId, string Status, int? CurrentStep, int Steps, IReadOnlyList<LeaveApprovalStep> StepList);

public sealed record LeaveApprovalStep(int Step, string Kind, string Mode, IReadOnlyList<StepApprover> Approvers, DateTime? EscalatedAt = null);

/// <summary>An approver of a step, on whose behalf they stand (a delegation), and their decision if they took one.</summary>
public sealed record StepApprover(string MembershipId, string Name, string? OnBehalfOfId, string? OnBehalfOfName, string? Decision,
    DateTime? DecidedAt, string? Note);

/// <summary>A person's approvals handed to another member from one day to another, both included (SPEC §11).</summary>
public sealed record ApprovalDelegation(string Id, string FromMembershipId, string FromName, string ToMembershipId, string ToName,
    DateOnly StartDate, DateOnly EndDate);

/// <summary>What is left of one leave type for a member.</summary>
public sealed record LeaveBalance(string Id, string Type, decimal RemainingDays);

/// <summary>
/// A range's working days, the holidays on working days of the week it left out, and with a type the member's balance
/// after the request.
/// </summary>
public sealed record DayCount(
    decimal Days, int NonWorkingDays, IReadOnlyList<CalendarHoliday> Holidays, DayCountBalance? Balance, RequestCapacity? Capacity = null);

/// <summary>The balance of <see cref="Type"/> now and after the request (below zero: it does not fit).</summary>
public sealed record DayCountBalance(string Type, decimal RemainingDays, decimal AfterDays);

/// <summary>A month of the team calendar: pending and approved leaves crossing it, and its closed days.</summary>
public sealed record MonthCalendar(
    int Year, int? Month, DateOnly From, DateOnly To, IReadOnlyList<CalendarLeave> Leaves, IReadOnlyList<CalendarHoliday> Holidays);

/// <summary>A leave in the team calendar; <see cref="Type"/> is null for an absence whose type is private (sensitive).</summary>
public sealed record CalendarLeave(
    string Id,
    string MembershipId,
    string MemberName,
    string? Type,
    DateOnly StartDate,
    DateOnly EndDate,
    string? StartHalf,
    string? EndHalf,
    decimal Days,
    string Status);

/// <summary>A closed day; <see cref="Kind"/> is "public" (the country's) or "company" (added by the company).</summary>
public sealed record CalendarHoliday(DateOnly Date, string Name, string Kind);

/// <summary>A colleague as the member list shows them (employees get names and roles only, so Active may be absent).</summary>
public sealed record Colleague(string Id, string Name, string Role, bool? Active);

public sealed record LeaveStats(int TotalLeaves, int PendingLeaves, int ApprovedLeaves, int RejectedLeaves, int CanceledLeaves);

/// <summary>The managers' charts: approved absences per month (oldest first) by type, and each member's paid leave this year.</summary>
public sealed record ChartStats(IReadOnlyList<MonthAbsences> Months, IReadOnlyList<MemberBalanceUsage> Members);

/// <summary>A month (its first day) and its working days of approved absence per type.</summary>
public sealed record MonthAbsences(DateOnly Month, IReadOnlyList<TypeDays> Days);

public sealed record TypeDays(string Type, decimal Days);

/// <summary>A member's paid days used (approved or pending, starting this year) and still in the balance.</summary>
public sealed record MemberBalanceUsage(string MembershipId, string Name, decimal UsedDays, decimal RemainingDays);

public sealed record CompanyStats(int TotalEmployees, int EmployeesOnLeave, int PendingRequests, decimal AverageLeaveBalance);

/// <summary>What a request or an edit asks for; the halves are "AFTERNOON" (start) and "MORNING" (end) or null.</summary>
public sealed record LeaveDraft(string Type, DateOnly StartDate, DateOnly EndDate, string? StartHalf, string? EndHalf, string? Reason);

internal sealed record CreateLeaveRequest(string Type, DateOnly StartDate, DateOnly EndDate, string? StartHalf, string? EndHalf, string? Reason);

internal sealed record UpdateLeaveRequest(
    string Type, DateOnly StartDate, DateOnly EndDate, string? StartHalf, string? EndHalf, string? Reason, int Version);

internal sealed record LeaveVersionRequest(int Version);

internal sealed record ReviewLeaveRequest(string Status, string? ManagerNote, int Version, bool? OverrideCoverage = null);
