using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>The password was reset through a mailed link: the owner hears of it (the mailbox itself may be the weak point).</summary>
public sealed class PasswordResetDoneTemplate(IStringLocalizer<PasswordResetDoneTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.PasswordResetDone;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<PasswordNoticePayload>(message);
        var mail = new MimeMessage { Subject = L["Your Arkoa password was reset"] };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body([format.Hello(payload.Name),
            L["The password of your Arkoa account was reset on {0} with a link sent to this address, and every device was signed out.", format.Instant(payload.At, payload.TimeZone)],
            L["If it was you, there is nothing to do. If it was not you, someone can read this mailbox: secure it (change its password), then choose a new Arkoa password with the link below."]],
            L["Choose a new password"], links.To("forgot-password"));
        return mail;
    }
}
