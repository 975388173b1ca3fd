using Arkoa.Core.Domain;

namespace Arkoa.Core.Capacity;

/// <summary>Every refusal about coverage rules and blackout periods (SPEC §12), with its stable code.</summary>
public static class CapacityErrors
{
    public static DomainError InBlackout(BlackoutPeriod period) => new(ProblemCodes.BlackoutPeriod, DomainErrorKind.Conflict,
        $"No leave of this type can be taken from {period.StartDate:yyyy-MM-dd} to {period.EndDate:yyyy-MM-dd} ({period.Name}).", "startDate",
        new Dictionary<string, object?> { ["name"] = period.Name, ["startDate"] = period.StartDate, ["endDate"] = period.EndDate });

    public static readonly DomainError BlackoutNotFound = new(ProblemCodes.BlackoutNotFound, DomainErrorKind.NotFound, "The blackout period was not found.");

    public static DomainError BlackoutTooLong(int maxDays) => new(ProblemCodes.BlackoutTooLong, DomainErrorKind.Validation,
        "A blackout period cannot be longer than a year.", "endDate", new Dictionary<string, object?> { ["maxDays"] = maxDays });

    public static readonly DomainError BlackoutTypesEmpty = new(ProblemCodes.BlackoutTypesEmpty, DomainErrorKind.Validation,
        "Choose at least one type of leave.", "leaveTypes");

    public static readonly DomainError MinimumOutOfRange = new(ProblemCodes.CoverageMinimumRange, DomainErrorKind.Validation,
        $"The minimum present is a whole number from 1 to {CoverageRule.MaxCount}.", "minimumPresent",
        new Dictionary<string, object?> { ["min"] = 1, ["max"] = CoverageRule.MaxCount });

    public static readonly DomainError MaximumOutOfRange = new(ProblemCodes.CoverageMaximumRange, DomainErrorKind.Validation,
        $"The maximum absent is a whole number from 0 to {CoverageRule.MaxCount}.", "maximumAbsent",
        new Dictionary<string, object?> { ["min"] = 0, ["max"] = CoverageRule.MaxCount });

    public static DomainError CoverageBreach(string teamName, IReadOnlyList<DateOnly> dates, CoverageRule rule) => new(
        ProblemCodes.CoverageBreach, DomainErrorKind.Conflict,
        $"Approving it leaves {teamName} short of its coverage rule on {string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}: approve again with overrideCoverage and a note to do it anyway.",
        "overrideCoverage",
        new Dictionary<string, object?>
        {
            ["teamName"] = teamName, ["dates"] = dates, ["minimumPresent"] = rule.MinimumPresent, ["maximumAbsent"] = rule.MaximumAbsent,
        });

    public static readonly DomainError OverrideNeedsNote = new(ProblemCodes.CoverageOverrideNoteRequired, DomainErrorKind.Validation,
        "Say why the leave is approved although the team falls short.", "managerNote");
}
