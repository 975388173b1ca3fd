using System.Globalization;
using Arkoa.Web.Api;
using Microsoft.Extensions.Localization;

namespace Arkoa.Web.Localization;

/// <summary>The words for the Api's wire values (leave types, statuses, roles, history entries), in the request's language.</summary>
public sealed class Labels(IStringLocalizer<SharedText> text)
{
    /// <summary>Every leave type, in the order the request form offers them.</summary>
    public static readonly IReadOnlyList<string> LeaveTypes =
    [
        "PAID", "RTT", "UNPAID", "SICK", "CHILD_SICK", "MATERNITY", "PATERNITY", "PARENTAL",
        "BEREAVEMENT", "MARRIAGE", "MOVING", "TRAINING", "UNJUSTIFIED", "ADJUSTMENT",
    ];

    public static readonly IReadOnlyList<string> Statuses = ["PENDING", "APPROVED", "REJECTED", "CANCELED"];

    public static readonly IReadOnlyList<string> Roles = ["EMPLOYEE", "MANAGER", "ADMIN"];

    private Dictionary<string, LeaveTypeInfo>? _companyTypes;

    /// <summary>
    /// The types of the company the page shows (its rows, issue 17), once its page has loaded them: names then come
    /// from the rows, in the page's language, so that a company's own type reads as its admin named it.
    /// </summary>
    public void UseCompanyTypes(IEnumerable<LeaveTypeInfo> types) => _companyTypes = types.ToDictionary(t => t.Code);

    /// <summary>Every type of the company, archived ones too, in its order (the built-ins before its types are loaded).</summary>
    public IReadOnlyList<string> CompanyTypes => _companyTypes is { } rows
        ? [.. rows.Values.OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal).Select(t => t.Code)]
        : LeaveTypes;

    /// <summary>The types a new request may take, in the company's order: its active rows, or every built-in before they are loaded.</summary>
    public IReadOnlyList<string> RequestableTypes => _companyTypes is { } rows
        ? [.. CompanyTypes.Where(code => rows[code].ArchivedAt is null)]
        : LeaveTypes;

    /// <summary>The type's name; "Absent" for null, a leave whose type the Api keeps private from this user.</summary>
    public string LeaveType(string? type) => type is not null && _companyTypes?.GetValueOrDefault(type) is { } row
        ? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? row.NameEn : row.NameFr)
        : BuiltInName(type);

    private string BuiltInName(string? type) => type switch
    {
        null => text["Absent"],
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

    public string Status(string status) => status switch
    {
        "PENDING" => text["Pending"],
        "APPROVED" => text["Approved"],
        "REJECTED" => text["Rejected"],
        "CANCELED" => text["Canceled"],
        _ => status,
    };

    public string Role(string role) => role switch
    {
        "EMPLOYEE" => text["Employee"],
        "MANAGER" => text["Manager"],
        "ADMIN" => text["Admin"],
        _ => role,
    };

    public string HistoryType(string type) => type switch
    {
        "AUTO_CREDIT" => text["Yearly credit"],
        "MANUEL_CREDIT" => text["Manual adjustment"],
        "LEAVE_REFUND" => text["Leave refunded"],
        "LEAVE_DEDUCTION" => text["Leave deducted"],
        "CARRY_FORWARD" => text["Carried forward"],
        "EXPIRATION" => text["Expired"],
        _ => type,
    };

    public string HalfDay(string period) => period switch
    {
        "MORNING" => text["Morning"],
        "AFTERNOON" => text["Afternoon"],
        _ => period,
    };

    /// <summary>"1 day", "2.5 days"; "0,5 jour", "1,5 jour", "2 jours".</summary>
    public string DayCount(decimal days) => DayCount(text, days);

    /// <summary>
    /// An instant as the reader needs it (issue 14 §17): the day and the hour where <paramref name="timeZone"/> is (an
    /// IANA id, the company's or the reader's), and which zone that is, "9 December 2026 at 14:05 (Europe/Paris)";
    /// in UTC, said so, when the zone is unknown here. Never the Web server's own zone.
    /// </summary>
    public string Instant(DateTime utc, string? timeZone)
    {
        var (local, zone) = Components.Leaves.CompanyToday.InZone(utc, timeZone);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        return text["{0} at {1} ({2})", local.ToString("d MMMM yyyy", culture), local.ToString("HH:mm", culture), zone];
    }

    /// <summary>The same for a holder of the shared words that is not scoped to a request (<see cref="ProblemLocalizer"/>).</summary>
    public static string DayCount(IStringLocalizer<SharedText> text, decimal days) =>
        IsSingularDayCount(days) ? text["{0} day", Days(days)] : text["{0} days", Days(days)];

    /// <summary>Whether a day count takes the singular: French is singular below two ("1,5 jour"), English only for one.</summary>
    public static bool IsSingularDayCount(decimal days) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == WebCultures.French ? Math.Abs(days) < 2 : Math.Abs(days) == 1;

    /// <summary>A number of days as people write it: "1", "2.5" (or "2,5" in French).</summary>
    public static string Days(decimal days) => days.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture);
}
