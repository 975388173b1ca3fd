using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>An e-mail was invited to a company: the link to accept, valid 7 days.</summary>
public sealed class InvitationCreatedTemplate(IStringLocalizer<InvitationCreatedTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.InvitationCreated;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<InvitationCreatedPayload>(message);
        var mail = new MimeMessage { Subject = L["{0} invites you to join {1} on Arkoa", payload.InvitedBy, payload.CompanyName] };
        mail.To.Add(MailboxAddress.Parse(payload.To));
        mail.Body = MailText.Body([
            L["{0} invites you to join {1} on Arkoa, the leave management platform, as {2}.", payload.InvitedBy, payload.CompanyName, format.Role(payload.Role)],
            L["Create your account with this e-mail address (or sign in if you have one), then accept the invitation. The link is valid for 7 days, until {0}.",
                format.Instant(payload.ExpiresAt, payload.TimeZone)]],
            L["Accept the invitation"], links.To($"invitations/{Uri.EscapeDataString(payload.Token)}"));
        return mail;
    }
}
