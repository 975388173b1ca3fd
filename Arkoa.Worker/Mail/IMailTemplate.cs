using Arkoa.Core.Domain;
using MimeKit;

namespace Arkoa.Worker.Mail;

/// <summary>Builds the mail for one outbox kind: recipients, subject, plain text and HTML, in the recipient's language.</summary>
public interface IMailTemplate
{
    /// <summary>The <see cref="Core.Outbox.OutboxKinds"/> value this template handles.</summary>
    string Kind { get; }

    MimeMessage Build(OutboxMessage message, MailLinks links);
}

/// <summary>Absolute links into the Web front end (its public base URL comes from configuration).</summary>
public sealed class MailLinks(string webBaseUrl)
{
    public string To(string pathAndQuery) => $"{webBaseUrl.TrimEnd('/')}/{pathAndQuery.TrimStart('/')}";
}
