using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// The leave a request asks for, checked and counted by <see cref="LeavePlanner"/> (SPEC §3–4): what submit and edit
/// both take. Only the planner makes one, so a plan's dates passed the backfill rule for the actor it was made for.
/// </summary>
public sealed record LeavePlan
{
    internal LeavePlan(LeaveType type, DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf, decimal days, LeaveDayCounter counter) =>
        (Type, Start, End, StartHalf, EndHalf, Days, Counter) = (type, start, end, startHalf, endHalf, days, counter);

    public LeaveType Type { get; }
    public DateOnly Start { get; }
    public DateOnly End { get; }
    public HalfDayPeriod? StartHalf { get; }
    public HalfDayPeriod? EndHalf { get; }
    public decimal Days { get; }
    public LeaveDayCounter Counter { get; }

    public HalfDaySpan Span => new(Start, End, StartHalf, EndHalf);

    /// <summary>The first of <paramref name="others"/> that takes some half of a day this plan counts (SPEC §4 overlap), or null.</summary>
    public LeaveNeighbour? FirstOverlap(IEnumerable<LeaveNeighbour> others)
    {
        var span = Span;
        return others.OrderBy(o => o.Span.StartDate).FirstOrDefault(o => o.Span.Overlaps(span, Counter.IsWorkingDay));
    }
}
