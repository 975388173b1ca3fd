using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>To each manager: a member asks to cancel their approved leave, which waits for an answer.</summary>
public sealed class LeaveCancelRequestedTemplate(IStringLocalizer<LeaveCancelRequestedTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveCancelRequested;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveMailPayload>(message);
        var mail = new MimeMessage { Subject = L["{0} asks to cancel a leave ({1})", p.MemberName, p.CompanyName] };
        mail.To.Add(new MailboxAddress(p.RecipientName, p.To));
        mail.Body = MailText.Body([format.Hello(p.RecipientName),
            L["{0} asks to cancel an approved leave: {1}.", p.MemberName, format.Leave(p.LeaveType, p.StartDate, p.EndDate, p.Days)],
            L["Accepting gives the days back; until then the leave stays approved."]],
            L["Answer the request"], links.To(MailLinks.Approvals(p.CompanyId, p.LeaveId)));
        return mail;
    }
}
