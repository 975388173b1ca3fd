using Arkoa.Web.Api;

namespace Arkoa.Web.Components.Leaves;

/// <summary>"Today" as the company sees it (its time zone), like the Api's own clock; UTC when the zone is unknown here.</summary>
public static class CompanyToday
{
    public static DateOnly Of(Company company)
    {
        var now = DateTime.UtcNow;
        if (company.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            now = TimeZoneInfo.ConvertTimeFromUtc(now, zone);
        }
        return DateOnly.FromDateTime(now);
    }

    /// <summary>The Monday starting the week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
