using System.Globalization;
using System.Text.RegularExpressions;

namespace Arkoa.Core.Companies;

/// <summary>What a valid company setting is (SPEC §2, Company row); the Api turns each failure into a 400 naming the field.</summary>
public static partial class CompanySettings
{
    public const decimal MaxCarryOverDays = 366;

    /// <summary>The longest wait before a step is escalated: beyond six weeks, escalation would no longer help anyone.</summary>
    public const int MaxEscalationWorkingDays = 30;

    /// <summary>0 (never) or 1 to <see cref="MaxEscalationWorkingDays"/> whole working days.</summary>
    public static bool IsEscalationDelay(int workingDays) => workingDays is >= 0 and <= MaxEscalationWorkingDays;

    /// <summary>An IANA zone id this machine knows ("Europe/Paris"); Windows ids and unknown names are refused.</summary>
    public static bool IsIanaTimeZone(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id != id.Trim()) return false;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id).HasIanaId;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException
                                      or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return false;
        }
    }

    /// <summary>
    /// "MM-DD" naming a day that exists every year: 29 February is refused, since carried-over days would have
    /// no expiry date three years out of four.
    /// </summary>
    public static bool IsMonthDay(string value) =>
        MonthDay().IsMatch(value)
        && DateOnly.TryParseExact($"2001-{value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>A day quantity in whole or half days.</summary>
    public static bool IsWholeOrHalfDay(decimal days) => days * 2 == decimal.Truncate(days * 2);

    [GeneratedRegex(@"^\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();
}
