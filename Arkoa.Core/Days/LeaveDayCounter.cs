using Arkoa.Core.Domain;

namespace Arkoa.Core.Days;

/// <summary>
/// Counts the working days a leave takes (SPEC §3): every date from start to end inclusive that is
/// a working day of the company and not a public or company holiday; a half day at either end counts 0.5.
/// </summary>
public sealed class LeaveDayCounter(IReadOnlySet<DayOfWeek> workingDays, string holidayCountry, IEnumerable<DateOnly> companyHolidays)
{
    private readonly HashSet<DateOnly> _companyHolidays = [.. companyHolidays];
    private readonly Dictionary<int, HashSet<DateOnly>> _publicHolidaysByYear = [];

    public static LeaveDayCounter For(Company company, IEnumerable<DateOnly> companyHolidays) =>
        new(new HashSet<DayOfWeek>(company.WorkingDays), company.HolidayCountry, companyHolidays);

    public bool IsWorkingDay(DateOnly date) =>
        workingDays.Contains(date.DayOfWeek) && !_companyHolidays.Contains(date) && !PublicHolidaysOf(date.Year).Contains(date);

    /// <summary>The counted days; the caller validated that end ≥ start.</summary>
    public decimal Count(DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        if (end < start) throw new ArgumentException("The end date is before the start date.", nameof(end));

        decimal days = 0;
        // By day number: stepping a date past the last one of the calendar (9999-12-31) would throw.
        for (var day = start.DayNumber; day <= end.DayNumber; day++)
        {
            var date = DateOnly.FromDayNumber(day);
            if (!IsWorkingDay(date)) continue;
            var halfAtStart = date == start && startHalf == HalfDayPeriod.AFTERNOON;
            var halfAtEnd = date == end && endHalf == HalfDayPeriod.MORNING;
            days += halfAtStart || halfAtEnd ? 0.5m : 1m;
        }
        return days;
    }

    private HashSet<DateOnly> PublicHolidaysOf(int year)
    {
        if (!_publicHolidaysByYear.TryGetValue(year, out var set))
        {
            set = [.. PublicHolidays.For(holidayCountry, year).Select(h => h.Date)];
            _publicHolidaysByYear[year] = set;
        }
        return set;
    }
}
