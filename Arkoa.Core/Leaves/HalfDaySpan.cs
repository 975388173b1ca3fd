using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>A leave's extent in half days: each date has a morning slot and an afternoon slot.</summary>
public readonly record struct HalfDaySpan(DateOnly StartDate, DateOnly EndDate, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf)
{
    private int FirstSlot => StartDate.DayNumber * 2 + (StartHalf == HalfDayPeriod.AFTERNOON ? 1 : 0);
    private int LastSlot => EndDate.DayNumber * 2 + (EndHalf == HalfDayPeriod.MORNING ? 0 : 1);

    /// <summary>
    /// Whether both spans take some half of a same counted day (SPEC §4): half days of opposite
    /// periods may share a date, and shared non-working days do not count.
    /// </summary>
    public bool Overlaps(HalfDaySpan other, Func<DateOnly, bool> isCountedDay)
    {
        var first = Math.Max(FirstSlot, other.FirstSlot);
        var last = Math.Min(LastSlot, other.LastSlot);
        if (first > last) return false;
        for (var day = first / 2; day <= last / 2; day++)
        {
            if (isCountedDay(DateOnly.FromDayNumber(day))) return true;
        }
        return false;
    }
}
