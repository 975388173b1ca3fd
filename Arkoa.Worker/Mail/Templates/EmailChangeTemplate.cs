using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>E-mail change: confirm the new address (same link and page as at sign-up, valid 24 hours).</summary>
public sealed class EmailChangeTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.EmailChange;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<EmailChangePayload>(message);
        var link = links.To($"verify-email?token={Uri.EscapeDataString(payload.Token)}");
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        if (MailText.IsEnglish(payload.Language))
        {
            mail.Subject = "Confirm your new e-mail address";
            mail.Body = MailText.Body([$"Hello {payload.Name},",
                "Your Arkoa account now uses this e-mail address. Please confirm it with the link below, valid for 24 hours."],
                "Confirm my new address", link);
        }
        else
        {
            mail.Subject = "Confirmez votre nouvelle adresse e-mail";
            mail.Body = MailText.Body([$"Bonjour {payload.Name},",
                "Votre compte Arkoa utilise désormais cette adresse e-mail. Merci de la confirmer avec le lien ci-dessous, valable 24 heures."],
                "Confirmer ma nouvelle adresse", link);
        }
        return mail;
    }
}
