using System.Text.Json;
using Arkoa.Core.Webhooks;
using Arkoa.Worker.Mail;
using Microsoft.Extensions.Localization;

namespace Arkoa.Worker.Webhooks;

/// <summary>
/// What a chat message says about one event, in the channel's language, with the mails' own words and formats
/// (<see cref="MailFormat"/>: the leave type's name, dates, days with their plural) and its sentences in
/// Resources/Webhooks/ChatTexts.fr.resx: one way to localise. Read from the stored envelope (<see cref="WebhookEnvelope"/>),
/// whose leave data already hides a private leave type and never holds a reason or a note: a channel is read by many,
/// so the type of a leave the company keeps private reads "Absence".
/// </summary>
public sealed class ChatTexts(IStringLocalizer<ChatTexts> L, MailFormat format)
{
    /// <summary>The message of an envelope; <paramref name="webBaseUrl"/> is the Web's public address for the link.</summary>
    public ChatMessageText Of(string envelopeJson, string language, string webBaseUrl) =>
        MailCulture.Under(MailCulture.Of(language), () => Build(envelopeJson, webBaseUrl));

    private ChatMessageText Build(string envelopeJson, string webBaseUrl)
    {
        using var document = JsonDocument.Parse(envelopeJson);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString();
        var company = $"{webBaseUrl.TrimEnd('/')}/companies/{root.GetProperty("companyId").GetGuid()}";
        if (type == WebhookEventTypes.Ping)
        {
            return new(L["Test message from Arkoa: this channel is connected."], null, "", L["Open Arkoa"], company);
        }

        var data = root.GetProperty("data");
        var leaveId = data.GetProperty("leaveId").GetGuid();
        var name = data.GetProperty("memberName").GetString() ?? "";
        // A name MailFormat does not know stays as it is: the private type's word goes through unchanged.
        var what = data.GetProperty("typeHidden").GetBoolean() || data.GetProperty("type").GetString() is not { } leaveType
            ? L["Absence"].Value
            : leaveType;
        var leave = format.Leave(what, Date(data, "startDate"), Date(data, "endDate"), data.GetProperty("days").GetDecimal());
        var after = L[": {0}.", leave].Value;
        var calendar = $"{company}/calendar";
        return type switch
        {
            WebhookEventTypes.LeaveSubmitted => new(L["New request from "], name, after, L["Review"], $"{company}/approvals?leave={leaveId}#leave-{leaveId}"),
            WebhookEventTypes.LeaveApproved => new(L["Leave approved for "], name, after, L["Open the calendar"], calendar),
            WebhookEventTypes.LeaveRejected => new(L["Leave rejected for "], name, after, L["Open the calendar"], calendar),
            WebhookEventTypes.LeaveCanceled => new(L["Leave canceled for "], name, after, L["Open the calendar"], calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(envelopeJson), type, "Not an event a chat channel receives."),
        };
    }

    private static DateOnly Date(JsonElement data, string property) =>
        DateOnly.Parse(data.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
