using System.Globalization;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>Daily digest to a manager: the requests still pending after 48 hours, oldest first.</summary>
public sealed class PendingDigestTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.PendingDigest;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<PendingDigestPayload>(message);
        var english = MailText.IsEnglish(payload.Language);
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "fr-FR");
        var link = links.To("approvals");
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));

        var lines = payload.Leaves.Select(l => english
            ? $"• {l.MemberName}: {l.Type} from {l.StartDate.ToString("d", culture)} to {l.EndDate.ToString("d", culture)} ({l.Days.ToString(culture)} days), requested on {l.RequestedAt.ToString("d", culture)}"
            : $"• {l.MemberName} : {l.Type} du {l.StartDate.ToString("d", culture)} au {l.EndDate.ToString("d", culture)} ({l.Days.ToString(culture)} j), demandé le {l.RequestedAt.ToString("d", culture)}")
            .ToList();
        var more = payload.Total - payload.Leaves.Count;

        if (english)
        {
            mail.Subject = $"{payload.CompanyName}: {payload.Total} leave request(s) waiting for more than 48 hours";
            mail.Body = MailText.Body([$"Hello {payload.Name},",
                $"These requests in {payload.CompanyName} have been waiting for a decision for more than 48 hours:",
                .. lines, .. more > 0 ? [$"… and {more} more."] : Array.Empty<string>()],
                "Review the requests", link);
        }
        else
        {
            mail.Subject = $"{payload.CompanyName} : {payload.Total} demande(s) de congé en attente depuis plus de 48 h";
            mail.Body = MailText.Body([$"Bonjour {payload.Name},",
                $"Ces demandes chez {payload.CompanyName} attendent une décision depuis plus de 48 heures :",
                .. lines, .. more > 0 ? [$"… et {more} autre(s)."] : Array.Empty<string>()],
                "Traiter les demandes", link);
        }
        return mail;
    }
}
