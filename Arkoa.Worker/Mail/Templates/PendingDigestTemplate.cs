using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>Daily digest to a manager: the requests (and requests to cancel) still waiting after 48 hours, oldest first.</summary>
public sealed class PendingDigestTemplate(IStringLocalizer<PendingDigestTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.PendingDigest;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<PendingDigestPayload>(message);
        var mail = new MimeMessage
        {
            Subject = payload.Total == 1
                ? L["{0}: 1 leave request waiting for more than 48 hours", payload.CompanyName]
                : L["{0}: {1} leave requests waiting for more than 48 hours", payload.CompanyName, payload.Total],
        };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));

        var lines = payload.Leaves.Select(l => (string)(l.CancelRequest
            ? L["• {0}: cancellation asked on {1} for {2}", l.MemberName, format.Date(l.RequestedAt, payload.TimeZone), format.Leave(l.Type, l.StartDate, l.EndDate, l.Days)]
            : L["• {0}: {1}, requested on {2}", l.MemberName, format.Leave(l.Type, l.StartDate, l.EndDate, l.Days), format.Date(l.RequestedAt, payload.TimeZone)]));
        var more = payload.Total - payload.Leaves.Count;
        string[] rest = more switch
        {
            <= 0 => [],
            1 => [L["… and 1 more."]],
            _ => [L["… and {0} more.", more]],
        };
        mail.Body = MailText.Body([format.Hello(payload.Name),
            L["These requests in {0} have been waiting for a decision for more than 48 hours:", payload.CompanyName],
            .. lines, .. rest],
            L["Review the requests"], links.To(MailLinks.Approvals(payload.CompanyId)));
        return mail;
    }
}
