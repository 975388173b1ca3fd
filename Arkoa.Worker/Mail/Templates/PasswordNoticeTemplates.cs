using System.Globalization;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>The password was changed from a signed-in session: the owner hears of it, with a way out if it was not them.</summary>
public sealed class PasswordChangedTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.PasswordChanged;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<PasswordNoticePayload>(message);
        var when = PasswordNotice.When(payload);
        var english = MailText.IsEnglish(payload.Language);
        return PasswordNotice.Mail(payload,
            english ? "Your Arkoa password was changed" : "Votre mot de passe Arkoa a été modifié",
            english
                ? [$"Hello {payload.Name},",
                    $"The password of your Arkoa account was changed on {when}; your other devices were signed out.",
                    "If it was you, there is nothing to do. If it was not you, choose a new password at once with the link below: it signs every device out."]
                : [$"Bonjour {payload.Name},",
                    $"Le mot de passe de votre compte Arkoa a été modifié le {when} ; vos autres appareils ont été déconnectés.",
                    "Si c'était vous, vous n'avez rien à faire. Sinon, choisissez tout de suite un nouveau mot de passe avec le lien ci-dessous : il déconnecte tous les appareils."],
            links);
    }
}

/// <summary>The password was reset through a mailed link: the owner hears of it (the mailbox itself may be the weak point).</summary>
public sealed class PasswordResetDoneTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.PasswordResetDone;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<PasswordNoticePayload>(message);
        var when = PasswordNotice.When(payload);
        var english = MailText.IsEnglish(payload.Language);
        return PasswordNotice.Mail(payload,
            english ? "Your Arkoa password was reset" : "Votre mot de passe Arkoa a été réinitialisé",
            english
                ? [$"Hello {payload.Name},",
                    $"The password of your Arkoa account was reset on {when} with a link sent to this address, and every device was signed out.",
                    "If it was you, there is nothing to do. If it was not you, someone can read this mailbox: secure it (change its password), then choose a new Arkoa password with the link below."]
                : [$"Bonjour {payload.Name},",
                    $"Le mot de passe de votre compte Arkoa a été réinitialisé le {when} avec un lien envoyé à cette adresse, et tous les appareils ont été déconnectés.",
                    "Si c'était vous, vous n'avez rien à faire. Sinon, quelqu'un peut lire cette boîte mail : sécurisez-la (changez son mot de passe), puis choisissez un nouveau mot de passe Arkoa avec le lien ci-dessous."],
            links);
    }
}

/// <summary>What the two password notices share: the instant written alike, and the link to choose a new password.</summary>
internal static class PasswordNotice
{
    public static string When(PasswordNoticePayload payload) =>
        payload.At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static MimeMessage Mail(PasswordNoticePayload payload, string subject, IReadOnlyList<string> paragraphs, MailLinks links)
    {
        var mail = new MimeMessage { Subject = subject };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body(paragraphs,
            MailText.IsEnglish(payload.Language) ? "Choose a new password" : "Choisir un nouveau mot de passe", links.To("forgot-password"));
        return mail;
    }
}
