using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>
/// Someone tried to sign up with, or move another account to, an address that already has an account: its owner
/// hears of it (the person trying was told the same as for a free address), with a way back in if it was them.
/// </summary>
public sealed class AddressInUseTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.AddressInUse;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<AddressInUsePayload>(message);
        var link = links.To("forgot-password");
        var signUp = payload.Attempt == AddressInUseAttempts.SignUp;
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        if (MailText.IsEnglish(payload.Language))
        {
            mail.Subject = signUp
                ? "Someone tried to create an Arkoa account with your address"
                : "Someone tried to move an Arkoa account to your address";
            mail.Body = MailText.Body([$"Hello {payload.Name},",
                signUp
                    ? "Someone just tried to create an Arkoa account with this e-mail address. It already has one, yours, so no second account was made."
                    : "Someone signed in to another Arkoa account just asked to use this e-mail address. It already belongs to your account, so nothing changed.",
                "If it was you, sign in with this address and your password; if you forgot the password, choose a new one with the link below. If it was not you, ignore this mail: your account is as it was."],
                "Choose a new password", link);
        }
        else
        {
            mail.Subject = signUp
                ? "Quelqu'un a essayé de créer un compte Arkoa avec votre adresse"
                : "Quelqu'un a essayé de déplacer un compte Arkoa vers votre adresse";
            mail.Body = MailText.Body([$"Bonjour {payload.Name},",
                signUp
                    ? "Quelqu'un vient d'essayer de créer un compte Arkoa avec cette adresse e-mail. Elle en a déjà un, le vôtre : aucun second compte n'a été créé."
                    : "Quelqu'un, connecté à un autre compte Arkoa, vient de demander à utiliser cette adresse e-mail. Elle appartient déjà à votre compte : rien n'a changé.",
                "Si c'était vous, connectez-vous avec cette adresse et votre mot de passe ; si vous l'avez oublié, choisissez-en un nouveau avec le lien ci-dessous. Sinon, ignorez ce message : votre compte n'a pas changé."],
                "Choisir un nouveau mot de passe", link);
        }
        return mail;
    }
}
