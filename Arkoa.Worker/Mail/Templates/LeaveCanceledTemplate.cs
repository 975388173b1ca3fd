using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>To the member: a manager canceled their leave (the days were given back).</summary>
public sealed class LeaveCanceledTemplate(IStringLocalizer<LeaveCanceledTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveCanceled;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveMailPayload>(message);
        var mail = new MimeMessage { Subject = L["Your leave was canceled"] };
        mail.To.Add(new MailboxAddress(p.RecipientName, p.To));
        mail.Body = MailText.Body([format.Hello(p.RecipientName),
            L["Your request ({0}) was canceled by {1}.", format.Leave(p.LeaveType, p.StartDate, p.EndDate, p.Days), p.ActorName]],
            L["My leaves"], links.To(MailLinks.MyLeave(p.CompanyId, p.LeaveId)));
        return mail;
    }
}
