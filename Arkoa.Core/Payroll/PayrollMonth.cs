using System.Globalization;

namespace Arkoa.Core.Payroll;

/// <summary>
/// The calendar month a payroll export closes (issue 18): its first and last dates, and the instant its ledger closes
/// in the company's time zone, so a balance "at the end of March" is the same for a company in Paris and in Réunion.
/// </summary>
public readonly record struct PayrollMonth
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public PayrollMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        First = new DateOnly(year, month, 1);
    }

    public DateOnly First { get; }

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    /// <summary>"2027-03", as the query takes it and the file name shows it.</summary>
    public override string ToString() => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>What parsing <paramref name="text"/> found wrong, if anything.</summary>
    public enum ParseFailure { None, Missing, Malformed, OutOfRange }

    /// <summary>Exactly <c>YYYY-MM</c> (no day, no spaces), a year of 1900–2100.</summary>
    public static ParseFailure TryParse(string? text, out PayrollMonth month)
    {
        month = default;
        if (string.IsNullOrEmpty(text)) return ParseFailure.Missing;
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return ParseFailure.Malformed;
        if (date.Year is < MinYear or > MaxYear) return ParseFailure.OutOfRange;
        month = new PayrollMonth(date.Year, date.Month);
        return ParseFailure.None;
    }

    /// <summary>
    /// The first instant (UTC) after the month in the IANA time zone <paramref name="timeZone"/>: midnight starting the
    /// next month there. A ledger entry belongs to the month's closing balance when it was written before it.
    /// </summary>
    public DateTime LedgerClosesAtUtc(string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var midnight = First.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight (some zones move at 00:00), the day starts at the first minute that exists.
        while (zone.IsInvalidTime(midnight)) midnight = midnight.AddMinutes(1);
        // Where midnight happens twice, the month ends at the first one.
        var offset = zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max() : zone.GetUtcOffset(midnight);
        return DateTime.SpecifyKind(midnight - offset, DateTimeKind.Utc);
    }
}
