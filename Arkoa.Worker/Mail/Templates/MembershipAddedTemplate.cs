using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>An existing user was added to a company: tell them where, with which role, and by whom.</summary>
public sealed class MembershipAddedTemplate(IStringLocalizer<MembershipAddedTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.MembershipAdded;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<MembershipAddedPayload>(message);
        var mail = new MimeMessage { Subject = L["You were added to {0}", payload.CompanyName] };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body([format.Hello(payload.Name),
            L["{0} added you to {1} on Arkoa as {2}. Your leave balances are ready: sign in to see them and request leave.",
                payload.AddedBy, payload.CompanyName, format.Role(payload.Role)]],
            L["Open Arkoa"], links.To(payload.CompanyId is { } companyId ? MailLinks.Company(companyId) : "/"));
        return mail;
    }
}
