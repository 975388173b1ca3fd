using System.Globalization;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>The account moved to a new address: to the former one, with the link that undoes it (valid 7 days).</summary>
public sealed class EmailChangedTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.EmailChanged;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<EmailChangedPayload>(message);
        var link = links.To($"undo-email-change?token={Uri.EscapeDataString(payload.UndoToken)}");
        var until = payload.UndoExpiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        if (MailText.IsEnglish(payload.Language))
        {
            mail.Subject = "The e-mail address of your Arkoa account was changed";
            mail.Body = MailText.Body([$"Hello {payload.Name},",
                $"Your Arkoa account now uses the address {payload.NewEmail} instead of this one.",
                $"If you made this change, there is nothing to do. If you did not, open the link below before {until}: it gives this address back to your account, signs every device out and sends you a link to choose a new password."],
                "It was not me: give my address back", link);
        }
        else
        {
            mail.Subject = "L'adresse e-mail de votre compte Arkoa a été modifiée";
            mail.Body = MailText.Body([$"Bonjour {payload.Name},",
                $"Votre compte Arkoa utilise désormais l'adresse {payload.NewEmail} à la place de celle-ci.",
                $"Si vous avez fait ce changement, vous n'avez rien à faire. Sinon, ouvrez le lien ci-dessous avant le {until} : il rend cette adresse à votre compte, déconnecte tous les appareils et vous envoie un lien pour choisir un nouveau mot de passe."],
                "Ce n'était pas moi : rendre mon adresse", link);
        }
        return mail;
    }
}
