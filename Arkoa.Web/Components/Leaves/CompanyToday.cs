using Arkoa.Web.Api;

namespace Arkoa.Web.Components.Leaves;

/// <summary>"Today" as the company sees it (its time zone), like the Api's own clock; UTC when the zone is unknown here.</summary>
public static class CompanyToday
{
    public static DateOnly Of(Company company) => DateOf(company, DateTime.UtcNow);

    /// <summary>The company's calendar day at the UTC instant <paramref name="utc"/> (a request's creation, say).</summary>
    public static DateOnly DateOf(Company company, DateTime utc)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (company.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            instant = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        }
        return DateOnly.FromDateTime(instant);
    }

    /// <summary>The Monday starting the week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
