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

/// <summary>
/// Absolute links into the Web front end (its public base URL comes from configuration). A link about a company or a
/// leave leads into that company's pages, to the leave itself where its page shows it: the page marks the leave named by
/// <c>?leave=</c>, which survives the sign-in's return address (a browser never sends the fragment), and the fragment
/// scrolls to it.
/// </summary>
public sealed class MailLinks(string webBaseUrl)
{
    public string To(string pathAndQuery) => $"{webBaseUrl.TrimEnd('/')}/{pathAndQuery.TrimStart('/')}";

    public static string Company(Guid companyId) => $"companies/{companyId}";

    /// <summary>The managers' queue of the company, at the request when it is given (and still waiting).</summary>
    public static string Approvals(Guid companyId, Guid? leaveId = null) =>
        $"{Company(companyId)}/approvals{(leaveId is { } id ? AtLeave(id) : "")}";

    /// <summary>The member's own leaves in the company, at the leave's row.</summary>
    public static string MyLeave(Guid companyId, Guid leaveId) => $"{Company(companyId)}/leaves{AtLeave(leaveId)}";

    private static string AtLeave(Guid leaveId) => $"?leave={leaveId}#leave-{leaveId}";
}
