using Arkoa.Core.Domain;
using Arkoa.Core.MailDecisions;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>
/// To each approver: a member asked for (or changed) a leave that awaits their review. Besides the link to the
/// approvals page, Approve and Reject links signed for this approver and this version of the request (SPEC §11): they
/// open a confirmation page, so a mail scanner following them decides nothing.
/// </summary>
public sealed class LeaveSubmittedTemplate(
    IStringLocalizer<LeaveSubmittedTemplate> L, MailFormat format, DecisionLinkSigner signer, TimeProvider clock) : IMailTemplate
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
        List<(string, string)> actions = [];
        if (p is { RecipientMembershipId: { } approver, DecisionFingerprint: { } fingerprint })
        {
            var token = Uri.EscapeDataString(signer.Sign(new DecisionLink(p.LeaveId, approver, fingerprint,
                clock.GetUtcNow().UtcDateTime + DecisionLink.Lifetime)));
            actions.Add((L["Approve"], links.To($"mail-decision?token={token}&decision=approve")));
            actions.Add((L["Reject"], links.To($"mail-decision?token={token}&decision=reject")));
        }
        actions.Add((L["Review requests"], links.To(MailLinks.Approvals(p.CompanyId, p.LeaveId))));
        mail.Body = MailText.Body([format.Hello(p.RecipientName),
            p.Edited ? L["{0} changed: {1}.", p.MemberName, leave] : L["{0} requested: {1}.", p.MemberName, leave],
            L["It is waiting for your review."]], actions);
        return mail;
    }
}
