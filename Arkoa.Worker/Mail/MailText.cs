using System.Net;
using MimeKit;

namespace Arkoa.Worker.Mail;

/// <summary>The HTML twin of a plain-text body, which every template shares.</summary>
public static class MailText
{
    /// <summary>A body with the same paragraphs as plain text and as HTML, with an optional call-to-action link.</summary>
    public static MimeEntity Body(IReadOnlyList<string> paragraphs, string? linkText = null, string? link = null)
    {
        var text = string.Join("\n\n", paragraphs) + (link is null ? "" : $"\n\n{link}") + "\n";
        var html = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + (link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(linkText ?? link)}</a></p>");
        return new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
    }
}
