using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>To the member: their leave was approved, or rejected with the manager's note.</summary>
public sealed class LeaveReviewedTemplate(IStringLocalizer<LeaveReviewedTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveReviewed;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveMailPayload>(message);
        var approved = p.Status == nameof(LeaveStatus.APPROVED);
        var leave = format.Leave(p.LeaveType, p.StartDate, p.EndDate, p.Days);
        var mail = new MimeMessage { Subject = approved ? L["Your leave was approved"] : L["Your leave was rejected"] };
        mail.To.Add(new MailboxAddress(p.RecipientName, p.To));
        List<string> paragraphs =
        [
            format.Hello(p.RecipientName),
            approved ? L["Your request ({0}) was approved by {1}.", leave, p.ActorName] : L["Your request ({0}) was rejected by {1}.", leave, p.ActorName],
        ];
        if (!string.IsNullOrWhiteSpace(p.ManagerNote)) paragraphs.Add(L["Note: {0}", p.ManagerNote]);
        mail.Body = MailText.Body(paragraphs, L["My leaves"], links.To(MailLinks.MyLeave(p.CompanyId, p.LeaveId)));
        return mail;
    }
}
