using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>To the member: a manager accepted their request to cancel a leave (the days are back) or declined it, saying why.</summary>
public sealed class LeaveCancelAnsweredTemplate(IStringLocalizer<LeaveCancelAnsweredTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.LeaveCancelAnswered;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var p = OutboxMessageFactory.Read<LeaveMailPayload>(message);
        var accepted = p.Status == nameof(LeaveStatus.CANCELED);
        var leave = format.Leave(p.LeaveType, p.StartDate, p.EndDate, p.Days);
        var mail = new MimeMessage { Subject = accepted ? L["Your leave was canceled as you asked"] : L["Your leave stays approved"] };
        mail.To.Add(new MailboxAddress(p.RecipientName, p.To));
        List<string> paragraphs =
        [
            format.Hello(p.RecipientName),
            accepted
                ? L["{0} accepted your request to cancel a leave ({1}); its days are back in your balance.", p.ActorName, leave]
                : L["{0} declined your request to cancel a leave ({1}); the leave stays approved.", p.ActorName, leave],
        ];
        if (!accepted && !string.IsNullOrWhiteSpace(p.ManagerNote)) paragraphs.Add(L["Why: {0}", p.ManagerNote]);
        mail.Body = MailText.Body(paragraphs, L["My leaves"], links.To(MailLinks.MyLeave(p.CompanyId, p.LeaveId)));
        return mail;
    }
}
