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
        Hit(plan.Span, plan.Type, plan.Counter.IsWorkingDay, periods);

    /// <summary>
    /// The periods a span of <paramref name="type"/> (any type when null: a form that has not chosen one yet) falls in,
    /// earliest first: those of the type with a working day shared with the span.
    /// </summary>
    public static IReadOnlyList<BlackoutPeriod> Hit(HalfDaySpan span, LeaveType? type, Func<DateOnly, bool> isWorkingDay, IEnumerable<BlackoutPeriod> periods) =>
        periods.Where(p => (type is null || p.LeaveTypes.Contains(type.Value))
                && span.Overlaps(new HalfDaySpan(p.StartDate, p.EndDate, null, null), isWorkingDay))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>The refusal of a plan that falls in a period that refuses (the first), or null.</summary>
    public static DomainError? Refusal(LeavePlan plan, IEnumerable<BlackoutPeriod> periods) => RefusalAmong(Hit(plan, periods));

    /// <summary>The refusal of the first period that refuses among those a plan falls in (<paramref name="hit"/>), or null.</summary>
    public static DomainError? RefusalAmong(IEnumerable<BlackoutPeriod> hit) =>
        hit.FirstOrDefault(p => p.Effect == BlackoutEffect.REFUSE) is { } refusing ? CapacityErrors.InBlackout(refusing) : null;

}
