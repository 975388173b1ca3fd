using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>Forgotten password: a link to choose a new one (valid 1 hour, single use).</summary>
public sealed class ResetPasswordTemplate(IStringLocalizer<ResetPasswordTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.ResetPassword;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<ResetPasswordPayload>(message);
        var mail = new MimeMessage { Subject = L["Reset your Arkoa password"] };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body([format.Hello(payload.Name),
            L["Someone asked to reset the password of your Arkoa account. To choose a new password, open the link below: it is valid for 1 hour and works once."],
            L["If you did not ask for this, ignore this mail: your password stays as it is."]],
            L["Choose a new password"], links.To($"reset-password?token={Uri.EscapeDataString(payload.Token)}"));
        return mail;
    }
}
