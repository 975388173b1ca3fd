namespace Arkoa.Tests.Integration;

public static class TestDates
{
    /// <summary>The first Monday of February next year: always in the future, and France has no holiday in February.</summary>
    public static DateOnly FebruaryMondayNextYear(int weeksLater = 0)
    {
        var date = new DateOnly(DateTime.UtcNow.Year + 1, 2, 1);
        while (date.DayOfWeek != DayOfWeek.Monday) date = date.AddDays(1);
        return date.AddDays(7 * weeksLater);
    }

    /// <summary>The first Monday from <paramref name="from"/> whose Monday to Wednesday are no French public holiday.</summary>
    public static DateOnly PlainMonday(DateOnly from)
    {
        var day = from;
        while (day.DayOfWeek != DayOfWeek.Monday
               || Enumerable.Range(0, 3).Any(i => Arkoa.Core.Days.PublicHolidays.France(day.AddDays(i).Year).Any(h => h.Date == day.AddDays(i))))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd");
}
