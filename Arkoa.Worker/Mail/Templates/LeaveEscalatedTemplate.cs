using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>To the member: their request waited too long at a step and was passed on to the people named.</summary>
public sealed class LeaveEscalatedTemplate(IStringLocalizer<LeaveEscalatedTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveEscalated;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveEscalatedPayload>(message);
        var leave = format.Leave(p.LeaveType, p.StartDate, p.EndDate, p.Days);
        var mail = new MimeMessage { Subject = L["Your leave request was passed on"] };
        mail.To.Add(new MailboxAddress(p.RecipientName, p.To));
        mail.Body = MailText.Body([format.Hello(p.RecipientName),
            L["Your request ({0}) waited too long for a decision: it was passed on to {1}.", leave, string.Join(", ", p.PassedTo)]],
            L["My leaves"], links.To(MailLinks.MyLeave(p.CompanyId, p.LeaveId)));
        return mail;
    }
}
