using Arkoa.Core.Domain;

namespace Arkoa.Core.Capacity;

/// <summary>
/// A team's coverage rule (SPEC §12): at least <see cref="MinimumPresent"/> of its members present, or at most
/// <see cref="MaximumAbsent"/> absent, on each half of every working day. Either or both may be unset.
/// </summary>
public sealed record CoverageRule(int? MinimumPresent, int? MaximumAbsent)
{
    public const int MaxCount = 10_000;

    public static readonly CoverageRule None = new(null, null);

    public bool IsSet => MinimumPresent is not null || MaximumAbsent is not null;

    /// <summary>Whether <paramref name="absent"/> of <paramref name="headcount"/> members away at once breaks the rule.</summary>
    public bool IsBrokenBy(int headcount, int absent) =>
        (MinimumPresent is { } minimum && headcount - absent < minimum) || (MaximumAbsent is { } maximum && absent > maximum);

    /// <summary>Why an admin may not give a team this rule (a count out of range), or null.</summary>
    public DomainError? Check()
    {
        if (MinimumPresent is { } minimum && minimum is < 1 or > MaxCount) return CapacityErrors.MinimumOutOfRange;
        if (MaximumAbsent is { } maximum && maximum is < 0 or > MaxCount) return CapacityErrors.MaximumOutOfRange;
        return null;
    }
}
