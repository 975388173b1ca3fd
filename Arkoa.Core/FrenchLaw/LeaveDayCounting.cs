using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Core.FrenchLaw;

/// <summary>A leave's days in the counting mode a policy chose.</summary>
public static class LeaveDayCounting
{
    public static decimal Count(
        this LeaveDayCounter calendar, CountingMode mode, DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf) =>
        mode switch
        {
            CountingMode.OUVRES => calendar.Count(start, end, startHalf, endHalf),
            CountingMode.OUVRABLES => JoursOuvrablesCounter.Count(calendar, start, end, startHalf, endHalf),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown counting mode."),
        };
}
