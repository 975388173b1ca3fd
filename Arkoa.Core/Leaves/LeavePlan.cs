using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// The leave a request asks for, checked and counted by <see cref="LeavePlanner"/> (SPEC §3–4): what submit and edit
/// both take. Only the planner makes one, so a plan's dates passed the backfill rule for the actor it was made for.
/// </summary>
public sealed record LeavePlan
{
    internal LeavePlan(LeaveTypeDefinition type, DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf, decimal days, LeaveDayCounter counter) =>
        (Type, UsesBalance, RequiresApproval, Start, End, StartHalf, EndHalf, Days, Counter) =
            (type.Code, type.UsesBalance, type.RequiresApproval, start, end, startHalf, endHalf, days, counter);

    public LeaveType Type { get; }

    /// <summary>The type's rows say its leaves take their days from the member's balance.</summary>
    public bool UsesBalance { get; }

    /// <summary>False: the type's rows say a request is approved as it is submitted.</summary>
    public bool RequiresApproval { get; }

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
