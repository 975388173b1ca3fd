using System.Net;
using MimeKit;

namespace Arkoa.Worker.Mail;

/// <summary>The HTML twin of a plain-text body, which every template shares.</summary>
public static class MailText
{
    /// <summary>A body with the same paragraphs as plain text and as HTML, with an optional call-to-action link.</summary>
    public static MimeEntity Body(IReadOnlyList<string> paragraphs, string? linkText = null, string? link = null) =>
        link is null ? Body(paragraphs, []) : Body(paragraphs, [(linkText ?? link, link)]);

    /// <summary>
    /// A body with several links (e.g. Approve, Reject, Review requests): in plain text each on its own line after its
    /// words, in HTML one paragraph each.
    /// </summary>
    public static MimeEntity Body(IReadOnlyList<string> paragraphs, IReadOnlyList<(string Text, string Link)> links)
    {
        var text = string.Join("\n\n", paragraphs)
            + (links.Count == 1 ? $"\n\n{links[0].Link}" : string.Concat(links.Select(l => $"\n\n{l.Text}\n{l.Link}"))) + "\n";
        var html = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + string.Concat(links.Select(l => $"<p><a href=\"{WebUtility.HtmlEncode(l.Link)}\">{WebUtility.HtmlEncode(l.Text)}</a></p>"));
        return new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
    }
}
