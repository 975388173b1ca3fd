namespace Arkoa.Core.Webhooks;

/// <summary>
/// What a chat message says about one event: a sentence with the member's name (to be emphasised), a link and its
/// label, already in the channel's language (the Worker's ChatTexts words it).
/// </summary>
public sealed record ChatMessageText(string Before, string? Name, string After, string LinkLabel, string Link)
{
    /// <summary>The sentence without emphasis: the message's plain-text fallback (notifications, screen readers).</summary>
    public string Plain => $"{Before}{Name}{After}";
}
