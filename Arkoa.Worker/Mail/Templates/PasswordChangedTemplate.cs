using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>The password was changed from a signed-in session: the owner hears of it, with a way out if it was not them.</summary>
public sealed class PasswordChangedTemplate(IStringLocalizer<PasswordChangedTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.PasswordChanged;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<PasswordNoticePayload>(message);
        var mail = new MimeMessage { Subject = L["Your Arkoa password was changed"] };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body([format.Hello(payload.Name),
            L["The password of your Arkoa account was changed on {0}; your other devices were signed out.", format.Instant(payload.At, payload.TimeZone)],
            L["If it was you, there is nothing to do. If it was not you, choose a new password at once with the link below: it signs every device out."]],
            L["Choose a new password"], links.To("forgot-password"));
        return mail;
    }
}
