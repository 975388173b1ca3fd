using System.Globalization;
using System.Text.Json;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// What a chat message says about one event, in the channel's language: a sentence with the member's name (to be
/// emphasised), a link and its label. Read from the stored envelope (<see cref="WebhookEnvelope"/>), whose leave data
/// already hides a private leave type and never holds a reason or a note: a channel is read by many, so the type of a
/// leave the company keeps private reads "Absence" / "Absent".
/// </summary>
public sealed record ChatMessageText(string Before, string? Name, string After, string LinkLabel, string Link)
{
    /// <summary>The message of an envelope; <paramref name="webBaseUrl"/> is the Web's public address for the link.</summary>
    public static ChatMessageText Of(string envelopeJson, string language, string webBaseUrl)
    {
        using var document = JsonDocument.Parse(envelopeJson);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString();
        var companyId = root.GetProperty("companyId").GetGuid();
        var french = language == "fr";
        var company = $"{webBaseUrl.TrimEnd('/')}/companies/{companyId}";
        if (type == WebhookEventTypes.Ping)
        {
            return new(french ? "Message de test d’Arkoa\u00A0: ce canal est bien relié." : "Test message from Arkoa: this channel is connected.",
                null, "", french ? "Ouvrir Arkoa" : "Open Arkoa", company);
        }

        var data = root.GetProperty("data");
        var leaveId = data.GetProperty("leaveId").GetGuid();
        var name = data.GetProperty("memberName").GetString() ?? "";
        var what = data.GetProperty("typeHidden").GetBoolean() || data.GetProperty("type").GetString() is not { } leaveType
            ? (french ? "absence" : "absent")
            : leaveType;
        var start = Date(data.GetProperty("startDate"), french);
        var end = Date(data.GetProperty("endDate"), french);
        var days = data.GetProperty("days").GetDecimal().ToString("0.#", french ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.InvariantCulture);
        var span = french ? $"{what}, du {start} au {end} ({days}\u00A0j)" : $"{what}, {start} to {end} ({days} d)";
        var leaves = $"{company}/calendar";
        return type switch
        {
            WebhookEventTypes.LeaveSubmitted => new(french ? "Nouvelle demande de " : "New request from ", name, Tail(span, french),
                french ? "Décider" : "Review", $"{company}/approvals?leave={leaveId}#leave-{leaveId}"),
            WebhookEventTypes.LeaveApproved => new(french ? "Congé approuvé pour " : "Leave approved for ", name, Tail(span, french),
                french ? "Voir le calendrier" : "Open the calendar", leaves),
            WebhookEventTypes.LeaveRejected => new(french ? "Congé refusé pour " : "Leave rejected for ", name, Tail(span, french),
                french ? "Voir le calendrier" : "Open the calendar", leaves),
            WebhookEventTypes.LeaveCanceled => new(french ? "Congé annulé pour " : "Leave canceled for ", name, Tail(span, french),
                french ? "Voir le calendrier" : "Open the calendar", leaves),
            _ => throw new ArgumentOutOfRangeException(nameof(envelopeJson), type, "Not an event a chat channel receives."),
        };
    }

    /// <summary>The sentence without emphasis: the message's plain-text fallback (notifications, screen readers).</summary>
    public string Plain => $"{Before}{Name}{After}";

    private static string Tail(string span, bool french) => french ? $"\u00A0: {span}." : $": {span}.";

    private static string Date(JsonElement value, bool french)
    {
        var date = DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture);
        return french ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
