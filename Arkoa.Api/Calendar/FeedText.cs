using System.Globalization;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;

namespace Arkoa.Api.Calendar;

/// <summary>
/// The iCal feed's words in the subscriber's language (the account's, French unless English): a calendar app shows the
/// events as they are, so the feed cannot be translated later like the Web's pages.
/// </summary>
public sealed class FeedText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly FeedText EnglishText = new(english: true);
    private static readonly FeedText FrenchText = new(english: false);

    private readonly bool _english;

    // A company's own types, named by their rows; null: the built-ins' names only.
    private readonly CompanyLeaveTypes? _types;

    private FeedText(bool english, CompanyLeaveTypes? types = null) => (_english, _types) = (english, types);

    public static FeedText For(string? language) =>
        language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? EnglishText : FrenchText;

    /// <summary>The words in <paramref name="language"/>, a type of the company's own named by its row (issue 17).</summary>
    public static FeedText For(string? language, CompanyLeaveTypes types) => new(For(language)._english, types);

    public string CalendarName(string companyName) => $"{companyName} – {(_english ? "leaves" : "congés")}";

    /// <summary>The leave type's name, or "Absent" for a leave whose type the subscriber may not know (null).</summary>
    public string LeaveType(LeaveType? type) => type?.Code switch
    {
        null => _english ? "Absent" : "Absence",
        "PAID" => _english ? "Paid leave" : "Congés payés",
        "UNPAID" => _english ? "Unpaid leave" : "Congé sans solde",
        "RTT" => "RTT",
        "SICK" => _english ? "Sick leave" : "Arrêt maladie",
        "MATERNITY" => _english ? "Maternity leave" : "Congé maternité",
        "PATERNITY" => _english ? "Paternity leave" : "Congé paternité",
        "PARENTAL" => _english ? "Parental leave" : "Congé parental",
        "BEREAVEMENT" => _english ? "Bereavement" : "Décès d'un proche",
        "MARRIAGE" => _english ? "Marriage" : "Mariage",
        "MOVING" => _english ? "Moving house" : "Déménagement",
        "CHILD_SICK" => _english ? "Sick child" : "Enfant malade",
        "TRAINING" => _english ? "Training" : "Formation",
        "UNJUSTIFIED" => _english ? "Unjustified absence" : "Absence injustifiée",
        "ADJUSTMENT" => _english ? "Adjustment" : "Ajustement",
        _ => _types?.Find(type.Value)?.NameIn(_english ? "en" : "fr") ?? type.Value.Code,
    };

    /// <summary>" (morning)", " (from the afternoon)", …, or "" for whole days.</summary>
    public string HalfDayNote(bool oneDay, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        var afternoonStart = startHalf == HalfDayPeriod.AFTERNOON;
        var morningEnd = endHalf == HalfDayPeriod.MORNING;
        if (oneDay)
        {
            return afternoonStart ? (_english ? " (afternoon)" : " (après-midi)")
                : morningEnd ? (_english ? " (morning)" : " (matin)")
                : "";
        }
        return (afternoonStart, morningEnd) switch
        {
            (true, true) => _english ? " (from the afternoon, until the morning)" : " (de l'après-midi jusqu'au matin)",
            (true, false) => _english ? " (from the afternoon)" : " (à partir de l'après-midi)",
            (false, true) => _english ? " (until the morning)" : " (jusqu'au matin)",
            _ => "",
        };
    }

    /// <summary>"Bruno: Sick leave, 2027-02-01 to 2027-02-05 (5 days)." and when it starts or ends at noon.</summary>
    public string Description(string memberName, string what, DateOnly start, DateOnly end, decimal days, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        var count = _english
            ? (days == 1 ? "1 day" : $"{days.ToString("0.#", CultureInfo.InvariantCulture)} days")
            : $"{days.ToString("0.#", French)} {(days < 2 ? "jour" : "jours")}"; // French is singular below two: "1,5 jour"
        var text = _english
            ? $"{memberName}: {what}, {Date(start)} to {Date(end)} ({count})."
            : $"{memberName}\u00a0: {what}, du {Date(start)} au {Date(end)} ({count})."; // a colon keeps its space on the line
        if (startHalf == HalfDayPeriod.AFTERNOON) text += _english ? $" Starts in the afternoon of {Date(start)}." : $" Commence l'après-midi du {Date(start)}.";
        if (endHalf == HalfDayPeriod.MORNING) text += _english ? $" Ends at noon on {Date(end)}." : $" Se termine à midi le {Date(end)}.";
        return text;
    }

    private string Date(DateOnly date) =>
        _english ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
