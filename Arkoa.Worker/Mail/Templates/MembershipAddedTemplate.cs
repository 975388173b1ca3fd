using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>An existing user was added to a company: tell them where, with which role, and by whom.</summary>
public sealed class MembershipAddedTemplate : IMailTemplate
{
    public string Kind => OutboxKinds.MembershipAdded;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<MembershipAddedPayload>(message);
        var link = links.To("/");
        var english = MailText.IsEnglish(payload.Language);
        var role = RoleNames.Of(payload.Role, english);
        var mail = new MimeMessage();
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        if (english)
        {
            mail.Subject = $"You were added to {payload.CompanyName}";
            mail.Body = MailText.Body([$"Hello {payload.Name},",
                $"{payload.AddedBy} added you to {payload.CompanyName} on Arkoa as {role}. Your leave balances are ready: sign in to see them and request leave."],
                "Open Arkoa", link);
        }
        else
        {
            mail.Subject = $"Vous avez été ajouté à {payload.CompanyName}";
            mail.Body = MailText.Body([$"Bonjour {payload.Name},",
                $"{payload.AddedBy} vous a ajouté à {payload.CompanyName} sur Arkoa, en tant que {role}. Vos soldes de congés sont prêts : connectez-vous pour les consulter et poser vos congés."],
                "Ouvrir Arkoa", link);
        }
        return mail;
    }
}
