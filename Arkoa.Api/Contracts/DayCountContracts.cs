using System.ComponentModel;
using Arkoa.Core.Domain;
using Arkoa.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>The range of a day-count preview, read as strings so a bad value is a 400 naming its field.</summary>
public sealed class DayCountQuery
{
    [FromQuery(Name = "startDate"), Description("YYYY-MM-DD, the first day.")]
    public string? StartDate { get; init; }

    [FromQuery(Name = "endDate"), Description("YYYY-MM-DD, the last day.")]
    public string? EndDate { get; init; }

    [FromQuery(Name = "startHalf"), Description("AFTERNOON: the first day starts at noon.")]
    public string? StartHalf { get; init; }

    [FromQuery(Name = "endHalf"), Description("MORNING: the last day ends at noon.")]
    public string? EndHalf { get; init; }

    [FromQuery(Name = "type"), Description("The leave type: with it, the answer has the balance after the request (PAID and RTT).")]
    public string? Type { get; init; }

    [FromQuery(Name = "membershipId"), Description("Whose balance (a manager recording a leave for a member); the caller's own by default.")]
    public string? MembershipId { get; init; }

    [FromQuery(Name = "leaveId"), Description("The pending leave being edited: its days go back to the balance first, as the edit would do.")]
    public string? LeaveId { get; init; }

    public ((DateOnly Start, DateOnly End, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf) Range, FieldErrors Errors) Parse() =>
        Parse(out _);

    /// <summary>The range, and in <paramref name="balance"/> the optional type, member and edited leave of the balance after.</summary>
    public ((DateOnly Start, DateOnly End, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf) Range, FieldErrors Errors) Parse(
        out (LeaveType? Type, Guid? MembershipId, Guid? LeaveId) balance)
    {
        var errors = new FieldErrors();
        QueryValues.TryLeaveType(Type, errors, "type", out var type);
        QueryValues.TryGuid(MembershipId, errors, "membershipId", out var membershipId);
        QueryValues.TryGuid(LeaveId, errors, "leaveId", out var leaveId);
        balance = (type, membershipId, leaveId);
        QueryValues.TryDate(StartDate, errors, "startDate", out var start);
        QueryValues.TryDate(EndDate, errors, "endDate", out var end);
        QueryValues.TryEnum<HalfDayPeriod>(StartHalf, errors, "startHalf", out var startHalf);
        QueryValues.TryEnum<HalfDayPeriod>(EndHalf, errors, "endHalf", out var endHalf);
        if (start is null && !errors.ContainsKey("startDate")) errors.Set("startDate", ProblemCodes.Required, "startDate is required.");
        if (end is null && !errors.ContainsKey("endDate")) errors.Set("endDate", ProblemCodes.Required, "endDate is required.");
        return ((start ?? default, end ?? default, startHalf, endHalf), errors);
    }
}

/// <summary>
/// The working days a range would cost, what the count left out (days off of the week, holidays on working days of the
/// week, so a form can say "Christmas excluded"), the balance after the request when a type with a balance was given, and
/// what the dates meet in the member's teams (SPEC §12: blackouts, coverage, teammates away).
/// </summary>
public sealed record DayCountResponse(
    decimal Days, int NonWorkingDays, IReadOnlyList<DayCountHoliday> Holidays, DayCountBalance? Balance, RequestCapacityResponse? Capacity = null);

/// <summary>A holiday in the range that fell on a working day of the week, so it was not counted.</summary>
public sealed record DayCountHoliday(DateOnly Date, string Name, HolidayKind Kind);

/// <summary>The member's balance of <c>type</c> now and after the request; <c>afterDays</c> below zero means it does not fit.</summary>
public sealed record DayCountBalance(LeaveType Type, decimal RemainingDays, decimal AfterDays);
