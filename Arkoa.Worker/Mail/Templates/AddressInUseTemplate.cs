using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Arkoa.Worker.Mail.Templates;

/// <summary>
/// Someone tried to sign up with, or move another account to, an address that already has an account: its owner
/// hears of it (the person trying was told the same as for a free address), with a way back in if it was them.
/// </summary>
public sealed class AddressInUseTemplate(IStringLocalizer<AddressInUseTemplate> L, MailFormat format) : IMailTemplate
{
    public string Kind => OutboxKinds.AddressInUse;

    public MimeMessage Build(OutboxMessage message, MailLinks links)
    {
        var payload = OutboxMessageFactory.Read<AddressInUsePayload>(message);
        var signUp = payload.Attempt == AddressInUseAttempts.SignUp;
        var mail = new MimeMessage
        {
            Subject = signUp
                ? L["Someone tried to create an Arkoa account with your address"]
                : L["Someone tried to move an Arkoa account to your address"],
        };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = MailText.Body([format.Hello(payload.Name),
            signUp
                ? L["Someone just tried to create an Arkoa account with this e-mail address. It already has one, yours, so no second account was made."]
                : L["Someone signed in to another Arkoa account just asked to use this e-mail address. It already belongs to your account, so nothing changed."],
            L["If it was you, sign in with this address and your password; if you forgot the password, choose a new one with the link below. If it was not you, ignore this mail: your account is as it was."]],
            L["Choose a new password"], links.To("forgot-password"));
        return mail;
    }
}
