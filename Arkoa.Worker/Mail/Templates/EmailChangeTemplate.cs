using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>E-mail change: the link that moves the account to this new address (valid 24 hours).</summary>
public sealed class EmailChangeTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.EmailChange;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<EmailChangePayload>(message);
        var link = links.To($"confirm-email?token={Uri.EscapeDataString(payload.Token)}");
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        if (MailText.IsEnglish(payload.Language))
        {
            mail.Subject = "Confirm your new e-mail address";
            mail.Body = MailText.Body([$"Hello {payload.Name},",
                "You asked to use this e-mail address for your Arkoa account. Your account keeps its current address until you confirm this one with the link below, valid for 24 hours.",
                "If you did not ask for this, ignore this mail: nothing changes."],
                "Confirm my new address", link);
        }
        else
        {
            mail.Subject = "Confirmez votre nouvelle adresse e-mail";
            mail.Body = MailText.Body([$"Bonjour {payload.Name},",
                "Vous avez demandé à utiliser cette adresse e-mail pour votre compte Arkoa. Votre compte garde son adresse actuelle tant que vous n'avez pas confirmé celle-ci avec le lien ci-dessous, valable 24 heures.",
                "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne change."],
                "Confirmer ma nouvelle adresse", link);
        }
        return mail;
    }
}
