using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>Sign-up: confirm the e-mail address (link valid 24 hours).</summary>
public sealed class VerifyEmailTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.VerifyEmail;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<VerifyEmailPayload>(message);
        var link = links.To($"verify-email?token={Uri.EscapeDataString(payload.Token)}");
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        if (MailText.IsEnglish(payload.Language))
        {
            mail.Subject = "Confirm your e-mail address";
            mail.Body = MailText.Body([$"Hello {payload.Name},",
                "Please confirm your e-mail address to finish creating your Arkoa account. The link is valid for 24 hours."],
                "Confirm my address", link);
        }
        else
        {
            mail.Subject = "Confirmez votre adresse e-mail";
            mail.Body = MailText.Body([$"Bonjour {payload.Name},",
                "Merci de confirmer votre adresse e-mail pour terminer la création de votre compte Arkoa. Le lien est valable 24 heures."],
                "Confirmer mon adresse", link);
        }
        return mail;
    }
}
