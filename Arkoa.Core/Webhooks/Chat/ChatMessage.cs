using System.Text.Json;
using System.Text.Json.Nodes;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// The JSON body posted to a chat channel's incoming webhook for one event, in its service's format. Slack: a plain
/// <c>text</c> (the notification's) and a mrkdwn section with a link button. Teams (Workflows "when a webhook request
/// is received"): a message with one Adaptive Card 1.4 attachment, a TextBlock and an Action.OpenUrl.
/// </summary>
public static class ChatMessage
{
    public static string Render(WebhookEndpointKind kind, ChatMessageText text)
    {
        JsonNode body = kind switch
        {
            WebhookEndpointKind.SLACK => Slack(text),
            WebhookEndpointKind.TEAMS => Teams(text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a chat channel."),
        };
        return body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonObject Slack(ChatMessageText text) => new()
    {
        ["text"] = text.Plain,
        ["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMarkdown(text) },
            ["accessory"] = new JsonObject
            {
                ["type"] = "button",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text.LinkLabel },
                ["url"] = text.Link,
            },
        }),
    };

    private static JsonObject Teams(ChatMessageText text) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.4",
                ["body"] = new JsonArray(new JsonObject
                {
                    ["type"] = "TextBlock", ["text"] = TeamsMarkdown(text), ["wrap"] = true,
                }),
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Action.OpenUrl", ["title"] = text.LinkLabel, ["url"] = text.Link,
                }),
            },
        }),
    };

    /// <summary>Slack's control characters in a name are escaped, so "&lt;!channel&gt;" or a link cannot be slipped in.</summary>
    private static string SlackMarkdown(ChatMessageText text) =>
        text.Name is null ? SlackEscape(text.Before) : $"{SlackEscape(text.Before)}*{SlackEscape(text.Name)}*{SlackEscape(text.After)}";

    private static string SlackEscape(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A name's markdown characters are escaped so that it cannot turn into a link or break the emphasis.</summary>
    private static string TeamsMarkdown(ChatMessageText text) =>
        text.Name is null ? text.Before : $"{text.Before}**{TeamsEscape(text.Name)}**{text.After}";

    private static string TeamsEscape(string value)
    {
        var escaped = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '`' or '#' or '<' or '>') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
