using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>E-mail change: the link that moves the account to this new address (valid 24 hours).</summary>
public sealed class EmailChangeTemplate(IStringLocalizer<EmailChangeTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.EmailChange;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<EmailChangePayload>(message);
        var mail = new MimeMessage { Subject = L["Confirm your new e-mail address"] };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body([format.Hello(payload.Name),
            L["You asked to use this e-mail address for your Arkoa account. Your account keeps its current address until you confirm this one with the link below, valid for 24 hours."],
            L["If you did not ask for this, ignore this mail: nothing changes."]],
            L["Confirm my new address"], links.To($"confirm-email?token={Uri.EscapeDataString(payload.Token)}"));
        return mail;
    }
}
