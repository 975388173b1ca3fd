using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>Sign-up: confirm the e-mail address (link valid 24 hours).</summary>
public sealed class VerifyEmailTemplate(IStringLocalizer<VerifyEmailTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.VerifyEmail;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<VerifyEmailPayload>(message);
        var mail = new MimeMessage { Subject = L["Confirm your e-mail address"] };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body([format.Hello(payload.Name),
            L["Please confirm your e-mail address to finish creating your Arkoa account. The link is valid for 24 hours."]],
            L["Confirm my address"], links.To($"verify-email?token={Uri.EscapeDataString(payload.Token)}"));
        return mail;
    }
}
