using Arkoa.Core.Domain;

namespace Arkoa.Core.Capacity;

/// <summary>
/// The approval side of coverage (SPEC §12): a leave whose approval leaves a team below its rule is refused unless the
/// approver overrides it with a note, and the override is recorded on the approval's step of the history.
/// </summary>
public static class CoverageApproval
{
    /// <summary>A team's shortfall if the leave is approved: the working days below the rule.</summary>
    public sealed record Shortfall(string TeamName, CoverageRule Rule, IReadOnlyList<DateOnly> Dates);

    /// <summary>Why the approval may not stand (the first shortfall, or an override without a note), or null.</summary>
    public static DomainError? Check(IReadOnlyList<Shortfall> shortfalls, bool overrideRequested, string? note)
    {
        if (shortfalls.Count == 0) return null;
        if (!overrideRequested) return CapacityErrors.CoverageBreach(shortfalls[0].TeamName, shortfalls[0].Dates, shortfalls[0].Rule);
        return string.IsNullOrWhiteSpace(note) ? CapacityErrors.OverrideNeedsNote : null;
    }

    /// <summary>Marks the leave's approval (the step just taken) as given over the team's coverage rule.</summary>
    public static void RecordOverride(Leave leave) =>
        leave.StatusHistory.Last(change => change.Transition == LeaveTransition.APPROVED).CoverageOverridden = true;
}
