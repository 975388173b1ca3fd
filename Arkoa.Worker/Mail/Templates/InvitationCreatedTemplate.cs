using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>An e-mail without an account was invited to a company: the link to accept, valid 7 days.</summary>
public sealed class InvitationCreatedTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.InvitationCreated;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<InvitationCreatedPayload>(message);
        var link = links.To($"invitations/{Uri.EscapeDataString(payload.Token)}");
        var english = MailText.IsEnglish(payload.Language);
        var role = RoleNames.Of(payload.Role, english);
        var expires = payload.ExpiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var mail = new MimeMessage();
        mail.To.Add(MailboxAddress.Parse(payload.To));
        if (english)
        {
            mail.Subject = $"{payload.InvitedBy} invites you to join {payload.CompanyName} on Arkoa";
            mail.Body = MailText.Body([
                $"{payload.InvitedBy} invites you to join {payload.CompanyName} on Arkoa, the leave management platform, as {role}.",
                $"Create your account with this e-mail address (or sign in if you have one), then accept the invitation. The link is valid for 7 days, until {expires}."],
                "Accept the invitation", link);
        }
        else
        {
            mail.Subject = $"{payload.InvitedBy} vous invite à rejoindre {payload.CompanyName} sur Arkoa";
            mail.Body = MailText.Body([
                $"{payload.InvitedBy} vous invite à rejoindre {payload.CompanyName} sur Arkoa, la plateforme de gestion des congés, en tant que {role}.",
                $"Créez votre compte avec cette adresse e-mail (ou connectez-vous si vous en avez un), puis acceptez l'invitation. Le lien est valable 7 jours, jusqu'au {expires}."],
                "Accepter l'invitation", link);
        }
        return mail;
    }
}
