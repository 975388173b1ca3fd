using Arkoa.Core.Domain;

namespace Arkoa.Core.Days;

/// <summary>
/// Counts the working days a leave takes (SPEC §3): every date from start to end inclusive that is
/// a working day of the company and not a public or company holiday; a half day at either end counts 0.5.
/// </summary>
public sealed class LeaveDayCounter
{
    private readonly IReadOnlySet<DayOfWeek> _workingDays;
    private readonly string _holidayCountry;
    private readonly bool _solidarityDayWorked;
    private readonly Dictionary<DateOnly, string> _companyHolidays = [];
    private readonly Dictionary<int, Dictionary<DateOnly, string>> _publicHolidaysByYear = [];

    /// <param name="holidayCountry">A <see cref="HolidayRegion"/> code ("FR" is metropolitan France).</param>
    /// <param name="solidarityDayWorked">Whit Monday is the company's journée de solidarité: a working day.</param>
    public LeaveDayCounter(
        IReadOnlySet<DayOfWeek> workingDays, string holidayCountry, IEnumerable<DateOnly> companyHolidays, bool solidarityDayWorked = false)
        : this(workingDays, holidayCountry, companyHolidays.Select(date => (date, "")), solidarityDayWorked)
    {
    }

    // Private: beside the public constructor, an empty collection ([]) would fit both.
    private LeaveDayCounter(
        IReadOnlySet<DayOfWeek> workingDays, string holidayCountry, IEnumerable<(DateOnly Date, string Name)> companyHolidays, bool solidarityDayWorked)
    {
        _workingDays = workingDays;
        _holidayCountry = holidayCountry;
        _solidarityDayWorked = solidarityDayWorked;
        foreach (var (date, name) in companyHolidays) _companyHolidays.TryAdd(date, name);
    }

    public static LeaveDayCounter For(Company company, IEnumerable<DateOnly> companyHolidays) =>
        new(new HashSet<DayOfWeek>(company.WorkingDays), company.HolidayCountry, companyHolidays, company.SolidarityDayWorked);

    /// <summary>The company's calendar whose <see cref="Explain"/> names the company holidays it left out.</summary>
    public static LeaveDayCounter WithHolidayNames(Company company, IEnumerable<(DateOnly Date, string Name)> companyHolidays) =>
        new(new HashSet<DayOfWeek>(company.WorkingDays), company.HolidayCountry, companyHolidays, company.SolidarityDayWorked);

    public bool IsWorkingDay(DateOnly date) => _workingDays.Contains(date.DayOfWeek) && !IsHoliday(date);

    /// <summary>A public holiday of the region or a company holiday (a closure), whatever the day of the week.</summary>
    public bool IsHoliday(DateOnly date) => _companyHolidays.ContainsKey(date) || PublicHolidaysOf(date.Year).ContainsKey(date);

    /// <summary>The counted days; the caller validated that end ≥ start.</summary>
    public decimal Count(DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf) =>
        Explain(start, end, startHalf, endHalf).Days;

    /// <summary>
    /// The count and what it left out, so a form can say "1 working day (Christmas excluded)": the days that are not
    /// working days of the week, and the holidays that fell on a working day of the week (a holiday on a Sunday
    /// changes nothing, so it is not named). The caller validated that end ≥ start.
    /// </summary>
    public DayCountExplanation Explain(DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        if (end < start) throw new ArgumentException("The end date is before the start date.", nameof(end));

        decimal days = 0;
        var nonWorkingDays = 0;
        List<ExcludedHoliday>? holidays = null; // most ranges have none: no list for them
        // By day number: stepping a date past the last one of the calendar (9999-12-31) would throw.
        for (var day = start.DayNumber; day <= end.DayNumber; day++)
        {
            var date = DateOnly.FromDayNumber(day);
            if (!_workingDays.Contains(date.DayOfWeek))
            {
                nonWorkingDays++;
                continue;
            }
            if (PublicHolidaysOf(date.Year).TryGetValue(date, out var publicName))
            {
                (holidays ??= []).Add(new ExcludedHoliday(date, publicName, IsPublic: true));
                continue;
            }
            if (_companyHolidays.TryGetValue(date, out var companyName))
            {
                (holidays ??= []).Add(new ExcludedHoliday(date, companyName, IsPublic: false));
                continue;
            }
            var halfAtStart = date == start && startHalf == HalfDayPeriod.AFTERNOON;
            var halfAtEnd = date == end && endHalf == HalfDayPeriod.MORNING;
            days += halfAtStart || halfAtEnd ? 0.5m : 1m;
        }
        return new DayCountExplanation(days, nonWorkingDays, holidays ?? []);
    }

    private Dictionary<DateOnly, string> PublicHolidaysOf(int year)
    {
        if (!_publicHolidaysByYear.TryGetValue(year, out var holidays))
        {
            holidays = [];
            foreach (var (date, name) in PublicHolidays.For(_holidayCountry, year, _solidarityDayWorked)) holidays.TryAdd(date, name);
            _publicHolidaysByYear[year] = holidays;
        }
        return holidays;
    }
}

/// <summary>A range's working days, and the days it did not count: non-working days of the week and holidays.</summary>
public sealed record DayCountExplanation(decimal Days, int NonWorkingDays, IReadOnlyList<ExcludedHoliday> Holidays);

/// <summary>A public (<paramref name="IsPublic"/>) or company holiday that fell on a working day of the week, so it was not counted.</summary>
public sealed record ExcludedHoliday(DateOnly Date, string Name, bool IsPublic);
