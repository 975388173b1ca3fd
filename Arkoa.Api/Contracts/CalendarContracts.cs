using System.ComponentModel;
using System.Text.Json.Serialization;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>?year=&amp;month=: a month, or the whole year when month is left out.</summary>
public sealed class CalendarQuery
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    [FromQuery(Name = "year"), Description("Required, 2000 to 2100.")]
    public string? Year { get; init; }

    [FromQuery(Name = "month"), Description("1 to 12; leave out for the whole year.")]
    public string? Month { get; init; }
}

/// <summary>The team calendar of a period: who is away (pending or approved) and which days are closed.</summary>
public sealed record CalendarResponse(
    int Year, int? Month, DateOnly From, DateOnly To,
    IReadOnlyList<CalendarLeaveResponse> Leaves, IReadOnlyList<CalendarHolidayResponse> Holidays);

/// <summary>
/// A leave in the team calendar. <c>type</c> is null when the caller may not know it: a leave of one of the company's
/// sensitive types (health, family) shows as an absence to anyone but the person and the managers.
/// </summary>
public sealed record CalendarLeaveResponse(
    Guid Id, Guid MembershipId, string MemberName, LeaveType? Type, DateOnly StartDate, DateOnly EndDate,
    HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days, LeaveStatus Status);

public enum HolidayKind
{
    /// <summary>A public holiday of the company's country.</summary>
    [JsonStringEnumMemberName("public")] Public,

    /// <summary>A closed day the company added.</summary>
    [JsonStringEnumMemberName("company")] Company,
}

public sealed record CalendarHolidayResponse(DateOnly Date, string Name, HolidayKind Kind);

/// <summary>The caller's iCal feed address (path and query, relative to the Api) for one company.</summary>
public sealed record CalendarLinkResponse(string Path);
