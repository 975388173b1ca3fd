using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Core.FrenchLaw;

/// <summary>
/// Counts a leave in jours ouvrables (L3141-3; Cass. soc. 7 May 1998, n° 97-42.503): every day but Sunday and the
/// holidays, from the first day the person would have worked to the eve of the return to work. So a Saturday the
/// company does not work counts when the leave spans it, including the Saturday between a last Friday off and a Monday
/// return: a week off costs 6 days. A half day at the start (afternoon off) counts 0.5; a half day at the end (morning
/// off) counts 0.5 and means the person is back that afternoon, so nothing after it counts.
/// </summary>
public static class JoursOuvrablesCounter
{
    // Far more than any run of closed days; only a calendar with no working day at all would reach it.
    private const int MaxDaysToReturn = 366;

    /// <param name="calendar">The person's week and holidays: which days they would have worked.</param>
    public static decimal Count(LeaveDayCounter calendar, DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        if (end < start) throw new ArgumentException("The end date is before the start date.", nameof(end));

        // The leave starts on the first day the person would have worked; days off before it cost nothing.
        var first = start;
        while (first <= end && !calendar.IsWorkingDay(first)) first = first.AddDays(1);
        if (first > end) return 0m;

        // Back the afternoon of a morning off; otherwise on the first working day after the leave.
        var lastCounted = endHalf == HalfDayPeriod.MORNING ? end : ReturnToWork(calendar, end).AddDays(-1);

        decimal days = 0;
        for (var date = first; date <= lastCounted; date = date.AddDays(1))
        {
            if (!IsOuvrable(calendar, date)) continue;
            var halfAtStart = date == start && startHalf == HalfDayPeriod.AFTERNOON;
            var halfAtEnd = date == end && endHalf == HalfDayPeriod.MORNING;
            days += halfAtStart || halfAtEnd ? 0.5m : 1m;
        }
        return days;
    }

    /// <summary>Monday to Saturday, neither a public holiday of the region nor a company closure.</summary>
    public static bool IsOuvrable(LeaveDayCounter calendar, DateOnly date) => date.DayOfWeek != DayOfWeek.Sunday && !calendar.IsHoliday(date);

    private static DateOnly ReturnToWork(LeaveDayCounter calendar, DateOnly end)
    {
        var date = end.AddDays(1);
        for (var i = 0; i < MaxDaysToReturn && !calendar.IsWorkingDay(date); i++) date = date.AddDays(1);
        return date;
    }
}
