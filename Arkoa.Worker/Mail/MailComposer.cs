using System.Net;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Arkoa.Worker.Mail;

/// <summary>Turns an outbox message into the mail it stands for: plain text and HTML, in the recipient's language.</summary>
public sealed class MailComposer(IOptions<MailOptions> options)
{
    /// <summary>Stable per outbox row, so a message sent twice after a crash is recognisably the same one.</summary>
    public static string MessageIdFor(Guid outboxId) => $"{outboxId:N}@arkoa";

    public MimeMessage Compose(OutboxMessage message)
    {
        var mail = message.Kind switch
        {
            OutboxKinds.VerifyEmail => VerifyEmail(OutboxMessageFactory.Read<VerifyEmailPayload>(message)),
            _ => throw new UnknownOutboxKindException(message.Kind),
        };
        mail.From.Add(MailboxAddress.Parse(options.Value.From));
        mail.MessageId = MessageIdFor(message.Id);
        mail.Date = message.CreatedAt;
        return mail;
    }

    private MimeMessage VerifyEmail(VerifyEmailPayload payload)
    {
        var link = $"{options.Value.WebBaseUrl.TrimEnd('/')}/verify-email?token={Uri.EscapeDataString(payload.Token)}";
        var english = payload.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var (subject, greeting, body, button) = english
            ? ("Confirm your e-mail address", $"Hello {payload.Name},", "Please confirm your e-mail address to finish creating your Arkoa account. The link is valid for 24 hours.", "Confirm my address")
            : ("Confirmez votre adresse e-mail", $"Bonjour {payload.Name},", "Merci de confirmer votre adresse e-mail pour terminer la création de votre compte Arkoa. Le lien est valable 24 heures.", "Confirmer mon adresse");

        var mail = new MimeMessage { Subject = subject };
        mail.To.Add(new MailboxAddress(payload.Name, payload.To));
        mail.Body = new BodyBuilder
        {
            TextBody = $"{greeting}\n\n{body}\n\n{link}\n",
            HtmlBody = $"""
                <p>{WebUtility.HtmlEncode(greeting)}</p>
                <p>{WebUtility.HtmlEncode(body)}</p>
                <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(button)}</a></p>
                """,
        }.ToMessageBody();
        return mail;
    }
}

/// <summary>An outbox kind this Worker does not know: it can never be sent, so it is dead-lettered at once.</summary>
public sealed class UnknownOutboxKindException(string kind) : Exception($"Unknown outbox message kind '{kind}'.");
