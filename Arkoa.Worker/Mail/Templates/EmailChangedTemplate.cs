using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>The account moved to a new address: to the former one, with the link that undoes it (valid 7 days).</summary>
public sealed class EmailChangedTemplate(IStringLocalizer<EmailChangedTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.EmailChanged;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<EmailChangedPayload>(message);
        var mail = new MimeMessage { Subject = L["The e-mail address of your Arkoa account was changed"] };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body([format.Hello(payload.Name),
            L["Your Arkoa account now uses the address {0} instead of this one.", payload.NewEmail],
            L["If you made this change, there is nothing to do. If you did not, open the link below before {0}: it gives this address back to your account, signs every device out and sends you a link to choose a new password.",
                format.Instant(payload.UndoExpiresAt, payload.TimeZone)]],
            L["It was not me: give my address back"], links.To($"undo-email-change?token={Uri.EscapeDataString(payload.UndoToken)}"));
        return mail;
    }
}
