using System.Globalization;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;

namespace Arkoa.Worker.Mail;

/// <summary>
/// What mails write alike, in the current (recipient's) culture: the greeting, a leave type's or a role's name, a
/// number of days with its plural, a date, and an instant in a named time zone (never raw UTC).
/// </summary>
public sealed class MailFormat(IStringLocalizer<MailWords> text)
{
    public string Hello(string name) => text["Hello {0},", name];

    /// <summary>A leave type's name ("Paid leave" for PAID); an unknown code stays as it is.</summary>
    public string LeaveType(string type) => type switch
    {
        "PAID" => text["Paid leave"],
        "UNPAID" => text["Unpaid leave"],
        "RTT" => text["RTT"],
        "SICK" => text["Sick leave"],
        "MATERNITY" => text["Maternity leave"],
        "PATERNITY" => text["Paternity leave"],
        "PARENTAL" => text["Parental leave"],
        "BEREAVEMENT" => text["Bereavement"],
        "MARRIAGE" => text["Marriage"],
        "MOVING" => text["Moving house"],
        "CHILD_SICK" => text["Sick child"],
        "TRAINING" => text["Training"],
        "UNJUSTIFIED" => text["Unjustified absence"],
        "ADJUSTMENT" => text["Adjustment"],
        _ => type,
    };

    /// <summary>A role ("EMPLOYEE", "MANAGER", "ADMIN") as a person reads it inside a sentence.</summary>
    public string Role(string role) => role switch
    {
        "ADMIN" => text["administrator"],
        "MANAGER" => text["manager"],
        _ => text["employee"],
    };

    /// <summary>"1.5 working days", "1 working day"; in French "1,5 jour ouvré", "2 jours ouvrés".</summary>
    public string WorkingDays(decimal days) =>
        IsSingular(days) ? text["{0} working day", Number(days)] : text["{0} working days", Number(days)];

    /// <summary>"Paid leave from Dec 8, 2026 to Dec 9, 2026 (1.5 working days)", or "… on Dec 8, 2026 …" for one day.</summary>
    public string Leave(string type, DateOnly start, DateOnly end, decimal days) => start == end
        ? text["{0} on {1} ({2})", LeaveType(type), Date(start), WorkingDays(days)]
        : text["{0} from {1} to {2} ({3})", LeaveType(type), Date(start), Date(end), WorkingDays(days)];

    /// <summary>"Dec 8, 2026", "8 déc. 2026": the pattern is a resource, so each language orders it its own way.</summary>
    public string Date(DateOnly date) => date.ToString(text["MMM d, yyyy"], CultureInfo.CurrentCulture);

    /// <summary>The date an instant falls on in the time zone <paramref name="timeZone"/>.</summary>
    public string Date(DateTime utc, string? timeZone) => Date(DateOnly.FromDateTime(Local(utc, Zone(timeZone))));

    /// <summary>"Dec 8, 2026 at 2:28 PM (Europe/Paris)": the instant where the reader's company is, with the zone's name.</summary>
    public string Instant(DateTime utc, string? timeZone)
    {
        var zone = Zone(timeZone);
        var local = Local(utc, zone);
        return text["{0} at {1} ({2})", Date(DateOnly.FromDateTime(local)), local.ToString("t", CultureInfo.CurrentCulture), zone.Id];
    }

    private static string Number(decimal days) => days.ToString("0.##", CultureInfo.CurrentCulture);

    // The plural rules of the two languages (CLDR "one"): French for 0 to 1.99 ("1,5 jour"), English for exactly 1.
    private static bool IsSingular(decimal days) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? days < 2 : days == 1;

    // Payloads queued before they carried a zone, or naming one this machine lacks, use the default company zone.
    private static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(MailTimeZones.Default);

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
