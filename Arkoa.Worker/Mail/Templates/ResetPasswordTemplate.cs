using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>Forgotten password: a link to choose a new one (valid 1 hour, single use).</summary>
public sealed class ResetPasswordTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.ResetPassword;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<ResetPasswordPayload>(message);
        var link = links.To($"reset-password?token={Uri.EscapeDataString(payload.Token)}");
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        if (MailText.IsEnglish(payload.Language))
        {
            mail.Subject = "Reset your Arkoa password";
            mail.Body = MailText.Body([$"Hello {payload.Name},",
                "Someone asked to reset the password of your Arkoa account. To choose a new password, open the link below: it is valid for 1 hour and works once.",
                "If you did not ask for this, ignore this mail: your password stays as it is."],
                "Choose a new password", link);
        }
        else
        {
            mail.Subject = "Réinitialisez votre mot de passe Arkoa";
            mail.Body = MailText.Body([$"Bonjour {payload.Name},",
                "Une demande de réinitialisation du mot de passe de votre compte Arkoa a été faite. Pour choisir un nouveau mot de passe, ouvrez le lien ci-dessous : il est valable 1 heure et ne sert qu'une fois.",
                "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."],
                "Choisir un nouveau mot de passe", link);
        }
        return mail;
    }
}
