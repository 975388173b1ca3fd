using Arkoa.Core.Domain;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Arkoa.Worker.Mail;

/// <summary>Turns an outbox message into its mail through the template registered for its kind, in its recipient's culture.</summary>
public sealed class MailComposer(IEnumerable<IMailTemplate> templates, IOptions<MailOptions> options)
{
    private readonly Dictionary<string, IMailTemplate> _templates = templates.ToDictionary(t => t.Kind);
    private readonly MailLinks _links = new(options.Value.WebBaseUrl);

    /// <summary>Stable per outbox row, so a message sent twice after a crash is recognisably the same one.</summary>
    public static string MessageIdFor(Guid outboxId) => $"{outboxId:N}@arkoa";

    public MimeMessage Compose(OutboxMessage message)
    {
        if (!_templates.TryGetValue(message.Kind, out var template)) throw new UnknownOutboxKindException(message.Kind);
        var mail = MailCulture.Under(MailCulture.Of(message), () => template.Build(message, _links));
        mail.From.Add(MailboxAddress.Parse(options.Value.From));
        mail.MessageId = MessageIdFor(message.Id);
        mail.Date = message.CreatedAt;
        return mail;
    }
}

/// <summary>An outbox kind this Worker does not know: it can never be sent, so it is dead-lettered at once.</summary>
public sealed class UnknownOutboxKindException(string kind) : Exception($"Unknown outbox message kind '{kind}'.");
