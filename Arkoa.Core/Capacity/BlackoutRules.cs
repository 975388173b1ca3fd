using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;

namespace Arkoa.Core.Capacity;

/// <summary>
/// Blackout periods (SPEC §12): what a new one must be, and which of them a request falls in. A request falls in a period
/// when its type is one of the period's and it takes a working day inside it (a leave that only spans its weekend does not).
/// </summary>
public static class BlackoutRules
{
    public const int MaxLengthInDays = 366;

    /// <summary>What is wrong with a new period's dates and types (admins only is the endpoint's check), or null.</summary>
    public static DomainError? Check(DateOnly start, DateOnly end, IReadOnlyCollection<LeaveType> types)
    {
        if (end < start) return LeaveErrors.EndBeforeStart;
        if (end.DayNumber - start.DayNumber >= MaxLengthInDays) return CapacityErrors.BlackoutTooLong(MaxLengthInDays);
        if (types.Count == 0) return CapacityErrors.BlackoutTypesEmpty;
        return null;
    }

    /// <summary>The periods of <paramref name="periods"/> the plan falls in, earliest first.</summary>
    public static IReadOnlyList<BlackoutPeriod> Hit(LeavePlan plan, IEnumerable<BlackoutPeriod> periods) =>
        periods.Where(p => p.LeaveTypes.Contains(plan.Type)
                && plan.Span.Overlaps(new HalfDaySpan(p.StartDate, p.EndDate, null, null), plan.Counter.IsWorkingDay))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>The refusal of a plan that falls in a period that refuses (the first), or null.</summary>
    public static DomainError? Refusal(LeavePlan plan, IEnumerable<BlackoutPeriod> periods) =>
        Hit(plan, periods).FirstOrDefault(p => p.Effect == BlackoutEffect.REFUSE) is { } refusing ? CapacityErrors.InBlackout(refusing) : null;

}
