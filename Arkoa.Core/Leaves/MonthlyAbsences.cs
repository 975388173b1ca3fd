using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Payroll;

namespace Arkoa.Core.Leaves;

/// <summary>The extent of a leave, as the absence statistics read it.</summary>
public sealed record AbsenceSpan(LeaveType Type, DateOnly Start, DateOnly End, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf);

/// <summary>The working days of absence of one month, by leave type.</summary>
public sealed record MonthAbsences(DateOnly Month, IReadOnlyDictionary<LeaveType, decimal> DaysByType);

/// <summary>
/// Absences per month for the managers' chart (issue 14 §16): each leave's working days counted in the month they fall
/// in, under the company's calendar, so a leave from 30 January to 2 February counts in both months. A half day only
/// counts half at the leave's own ends, not where a month cuts it.
/// </summary>
public static class MonthlyAbsences
{
    /// <param name="firstMonth">Any day of the first month.</param>
    public static IReadOnlyList<MonthAbsences> Count(LeaveDayCounter counter, DateOnly firstMonth, int months, IEnumerable<AbsenceSpan> leaves)
    {
        var starts = Enumerable.Range(0, months).Select(i => new DateOnly(firstMonth.Year, firstMonth.Month, 1).AddMonths(i)).ToList();
        var days = starts.Select(_ => new Dictionary<LeaveType, decimal>()).ToList();
        foreach (var leave in leaves)
        {
            for (var i = 0; i < starts.Count; i++)
            {
                var counted = LeaveMonthShare.DaysIn(counter, starts[i], leave.Start, leave.End, leave.StartHalf, leave.EndHalf);
                if (counted > 0) days[i][leave.Type] = days[i].GetValueOrDefault(leave.Type) + counted;
            }
        }
        return starts.Select((month, i) => new MonthAbsences(month, days[i])).ToList();
    }
}
