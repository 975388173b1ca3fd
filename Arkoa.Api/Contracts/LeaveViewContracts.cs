using System.ComponentModel;
using Arkoa.Api.Http;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>
/// ?status=&amp;type=&amp;from=&amp;to= on leave lists: status is one or more statuses, comma-separated (the decisions:
/// "APPROVED,REJECTED"); a leave matches when it intersects [from, to] (both inclusive, each optional).
/// </summary>
public sealed class LeaveFilterQuery
{
    [FromQuery(Name = "status"), Description("PENDING, APPROVED, REJECTED or CANCELED; several comma-separated match any of them.")]
    public string? Status { get; init; }

    [FromQuery(Name = "type"), Description("A leave type (PAID, RTT, SICK…): only leaves of that type.")]
    public string? Type { get; init; }

    [FromQuery(Name = "from"), Description("YYYY-MM-DD: only leaves that end on or after this day.")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("YYYY-MM-DD: only leaves that start on or before this day.")]
    public string? To { get; init; }

    /// <summary>The field errors of this query, if any, in the problem-details shape.</summary>
    public FieldErrors Errors()
    {
        var errors = new FieldErrors();
        Parse(errors);
        return errors;
    }

    /// <summary>A key of the filter's values, for views cached per filter.</summary>
    public string CacheKey()
    {
        var (statuses, type, from, to) = Parse(new FieldErrors());
        return $"{string.Join(',', statuses.Order())}|{type}|{from}|{to}";
    }

    /// <summary>Narrows <paramref name="leaves"/>; call after <see cref="Errors"/> found none.</summary>
    public IQueryable<Leave> Apply(IQueryable<Leave> leaves)
    {
        var (statuses, type, from, to) = Parse(new FieldErrors());
        if (statuses.Count == 1) leaves = leaves.Where(l => l.Status == statuses[0]);
        else if (statuses.Count > 1) leaves = leaves.Where(l => statuses.Contains(l.Status));
        if (type is { } t) leaves = leaves.Where(l => l.Type == t);
        if (from is { } f) leaves = leaves.Where(l => l.EndDate >= f);
        if (to is { } e) leaves = leaves.Where(l => l.StartDate <= e);
        return leaves;
    }

    private (List<LeaveStatus> Statuses, LeaveType? Type, DateOnly? From, DateOnly? To) Parse(FieldErrors errors)
    {
        var statuses = new List<LeaveStatus>();
        foreach (var part in (Status ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!QueryValues.TryEnum<LeaveStatus>(part, errors, "status", out var status)) return ([], null, null, null);
            if (!statuses.Contains(status!.Value)) statuses.Add(status.Value);
        }
        QueryValues.TryLeaveType(Type, errors, "type", out var type);
        QueryValues.TryDate(From, errors, "from", out var from);
        QueryValues.TryDate(To, errors, "to", out var to);
        if (from > to) errors.Set("to", ProblemCodes.EndBeforeStart, "to must be on or after from.");
        return (statuses, type, from, to);
    }
}

/// <summary>
/// A leave in the company-wide list, with whose it is and what the calling manager may do with it
/// (<c>allowedActions</c>) and the member's open request to cancel it, if any; a deactivated member's (<c>memberActive</c> false) can only be canceled. The last review's
/// author is named (<c>reviewedByName</c>), so "who decided and when" needs no second call.
/// </summary>
public sealed record CompanyLeaveResponse(
    Guid Id, Guid MembershipId, string MemberName, bool MemberActive, LeaveType Type, DateOnly StartDate, DateOnly EndDate,
    HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days, LeaveStatus Status,
    string? Reason, string? ManagerNote, Guid? ReviewedById, DateTime? ReviewedAt, int Version, DateTime CreatedAt,
    IReadOnlyList<string> AllowedActions, string? ReviewedByName = null, DateTime? CancelRequestedAt = null, string? CancelRequestReason = null,
    LeaveApprovalSummary? Approval = null)
{
    /// <summary>
    /// The same leave with what <paramref name="actor"/> may do with it today. The list is cached for every manager of the
    /// company, so this is added per request: it depends on who asks (not on their own leave) and on the day.
    /// </summary>
    public CompanyLeaveResponse For(LeaveActor actor, DateOnly today)
    {
        var leave = new Leave
        {
            Id = Id, MembershipId = MembershipId, Status = Status, StartDate = StartDate, EndDate = EndDate, Version = Version,
            CancelRequestedAt = CancelRequestedAt, ApprovalStep = Approval is { } a ? a.Step - 1 : null,
        };
        return this with
        {
            AllowedActions = leave.AllowedActions(actor, MemberActive, today).Select(a => a.WireName()).ToList(),
            Approval = Approval is null ? null : Approval with { WaitingForYou = actor.AwaitsDecisionOn(Id) },
        };
    }
}

/// <summary>How many leaves of the company's active members are in each status.</summary>
public sealed record LeaveStatsResponse(int TotalLeaves, int PendingLeaves, int ApprovedLeaves, int RejectedLeaves, int CanceledLeaves);

/// <summary>The manager dashboard's figures; deactivated members count in none of them.</summary>
public sealed record CompanyStatsResponse(int TotalEmployees, int EmployeesOnLeave, int PendingRequests, decimal AverageLeaveBalance);
