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

    public ((DateOnly Start, DateOnly End, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf) Range, FieldErrors Errors) Parse()
    {
        var errors = new FieldErrors();
        QueryValues.TryDate(StartDate, errors, "startDate", out var start);
        QueryValues.TryDate(EndDate, errors, "endDate", out var end);
        QueryValues.TryEnum<HalfDayPeriod>(StartHalf, errors, "startHalf", out var startHalf);
        QueryValues.TryEnum<HalfDayPeriod>(EndHalf, errors, "endHalf", out var endHalf);
        if (start is null && !errors.ContainsKey("startDate")) errors.Set("startDate", ProblemCodes.Required, "startDate is required.");
        if (end is null && !errors.ContainsKey("endDate")) errors.Set("endDate", ProblemCodes.Required, "endDate is required.");
        return ((start ?? default, end ?? default, startHalf, endHalf), errors);
    }
}

public sealed record DayCountResponse(decimal Days);
