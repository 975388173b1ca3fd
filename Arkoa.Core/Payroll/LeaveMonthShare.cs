using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Payroll;

/// <summary>
/// The working days of one leave that fall in one month, counted as the leave's own count is (SPEC §3): the leave's
/// dates cut at the month's bounds, a half day kept only at the leave's own ends (a month boundary cuts no day in half).
/// So the months of a leave always add up to its days.
/// </summary>
public static class LeaveMonthShare
{
    /// <param name="monthFirst">The first day of the month.</param>
    public static decimal DaysIn(
        LeaveDayCounter calendar, DateOnly monthFirst, DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        var monthLast = monthFirst.AddMonths(1).AddDays(-1);
        if (end < monthFirst || start > monthLast) return 0m;
        var (from, to) = (start > monthFirst ? start : monthFirst, end < monthLast ? end : monthLast);
        return calendar.Count(from, to, from == start ? startHalf : null, to == end ? endHalf : null);
    }
}
