using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>To each manager: a member asked for (or changed) a leave that awaits review.</summary>
public sealed class LeaveSubmittedTemplate(IStringLocalizer<LeaveSubmittedTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveSubmitted;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveMailPayload>(message);
        var leave = format.Leave(p.LeaveType, p.StartDate, p.EndDate, p.Days);
        var mail = new MimeMessage
        {
            Subject = p.Edited
                ? L["{0} changed a leave ({1})", p.MemberName, p.CompanyName]
                : L["{0} requested a leave ({1})", p.MemberName, p.CompanyName],
        };
        mail.To.Add(new MailboxAddress(p.RecipientName, p.To));
        mail.Body = MailText.Body([format.Hello(p.RecipientName),
            p.Edited ? L["{0} changed: {1}.", p.MemberName, leave] : L["{0} requested: {1}.", p.MemberName, leave],
            L["It is waiting for your review."]],
            L["Review requests"], links.To(MailLinks.Approvals(p.CompanyId, p.LeaveId)));
        return mail;
    }
}
