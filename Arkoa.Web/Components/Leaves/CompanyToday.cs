using Arkoa.Web.Api;

namespace Arkoa.Web.Components.Leaves;

/// <summary>"Today" as the company sees it (its time zone), like the Api's own clock; UTC when the zone is unknown here.</summary>
public static class CompanyToday
{
    public static DateOnly Of(Company company) => DateOf(company, DateTime.UtcNow);

    /// <summary>The company's calendar day at the UTC instant <paramref name="utc"/> (a request's creation, say).</summary>
    public static DateOnly DateOf(Company company, DateTime utc) => DateOnly.FromDateTime(InZone(utc, company.TimeZone).Local);

    /// <summary>
    /// The wall-clock time at the UTC instant <paramref name="utc"/> in the IANA zone <paramref name="timeZone"/>, and
    /// the zone it was read in: that zone, or "UTC" when it is missing or unknown here.
    /// </summary>
    public static (DateTime Local, string Zone) InZone(DateTime utc, string? timeZone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return timeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? (TimeZoneInfo.ConvertTimeFromUtc(instant, zone), id)
            : (instant, "UTC");
    }

    /// <summary>The Monday starting the week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
