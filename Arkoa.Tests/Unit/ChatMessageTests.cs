extern alias ArkoaWorker;

using System.Text.Json;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using ArkoaWorker::Arkoa.Worker.Mail;
using ArkoaWorker::Arkoa.Worker.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Arkoa.Tests.Unit;

/// <summary>The JSON posted to Slack and Teams for each event, in each language, and what it never shows.</summary>
public sealed class ChatMessageTests
{
    private const string Web = "https://arkoa.example/";
    private static readonly Guid Company = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid LeaveId = Guid.Parse("0193a000-0000-7000-8000-0000000000aa");

    // The Worker's words: the mails' resources and formats (MailFormat), and the chat sentences' own.
    private static readonly ChatTexts Texts = new ServiceCollection().AddLogging().AddMailTemplates().AddSingleton<ChatTexts>()
        .BuildServiceProvider().GetRequiredService<ChatTexts>();

    private static string Render(WebhookEndpointKind kind, string envelope, string language, string web) =>
        ChatMessage.Render(kind, Texts.Of(envelope, language, web));

    private static string Envelope(string type, bool hidden = false, string name = "Alice Martin") =>
        WebhookEnvelope.Serialize(Guid.CreateVersion7(), type, new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), Company,
            new LeaveEventData(LeaveId, Guid.CreateVersion7(), name, hidden ? null : "RTT", hidden,
                new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 23), null, null, 2.5m, "PENDING", false));

    public static TheoryData<string, string, string, string> Events => new()
    {
        { WebhookEventTypes.LeaveSubmitted, "en", "New request from *Alice Martin*: RTT from Dec 21, 2026 to Dec 23, 2026 (2.5 working days).", "Review" },
        { WebhookEventTypes.LeaveApproved, "en", "Leave approved for *Alice Martin*: RTT from Dec 21, 2026 to Dec 23, 2026 (2.5 working days).", "Open the calendar" },
        { WebhookEventTypes.LeaveRejected, "en", "Leave rejected for *Alice Martin*: RTT from Dec 21, 2026 to Dec 23, 2026 (2.5 working days).", "Open the calendar" },
        { WebhookEventTypes.LeaveCanceled, "en", "Leave canceled for *Alice Martin*: RTT from Dec 21, 2026 to Dec 23, 2026 (2.5 working days).", "Open the calendar" },
        { WebhookEventTypes.LeaveSubmitted, "fr", "Nouvelle demande de *Alice Martin*\u00A0: RTT du 21 déc. 2026 au 23 déc. 2026 (2,5 jours ouvrés).", "Décider" },
        { WebhookEventTypes.LeaveApproved, "fr", "Congé approuvé pour *Alice Martin*\u00A0: RTT du 21 déc. 2026 au 23 déc. 2026 (2,5 jours ouvrés).", "Voir le calendrier" },
        { WebhookEventTypes.LeaveRejected, "fr", "Congé refusé pour *Alice Martin*\u00A0: RTT du 21 déc. 2026 au 23 déc. 2026 (2,5 jours ouvrés).", "Voir le calendrier" },
        { WebhookEventTypes.LeaveCanceled, "fr", "Congé annulé pour *Alice Martin*\u00A0: RTT du 21 déc. 2026 au 23 déc. 2026 (2,5 jours ouvrés).", "Voir le calendrier" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Slack_gets_a_text_and_a_mrkdwn_section_with_a_link_button(string type, string language, string markdown, string label)
    {
        var root = JsonDocument.Parse(Render(WebhookEndpointKind.SLACK, Envelope(type), language, Web)).RootElement;
        Assert.Equal(markdown.Replace("*", ""), root.GetProperty("text").GetString());
        var section = Assert.Single(root.GetProperty("blocks").EnumerateArray().ToList());
        Assert.Equal("section", section.GetProperty("type").GetString());
        Assert.Equal("mrkdwn", section.GetProperty("text").GetProperty("type").GetString());
        Assert.Equal(markdown, section.GetProperty("text").GetProperty("text").GetString());
        var button = section.GetProperty("accessory");
        Assert.Equal("button", button.GetProperty("type").GetString());
        Assert.Equal("plain_text", button.GetProperty("text").GetProperty("type").GetString());
        Assert.Equal(label, button.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal(ExpectedLink(type), button.GetProperty("url").GetString());
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Teams_gets_a_message_with_an_adaptive_card(string type, string language, string markdown, string label)
    {
        var root = JsonDocument.Parse(Render(WebhookEndpointKind.TEAMS, Envelope(type), language, Web)).RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray().ToList());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        var block = Assert.Single(card.GetProperty("body").EnumerateArray().ToList());
        Assert.Equal("TextBlock", block.GetProperty("type").GetString());
        Assert.Equal(markdown.Replace("*Alice Martin*", "**Alice Martin**"), block.GetProperty("text").GetString());
        Assert.True(block.GetProperty("wrap").GetBoolean());
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray().ToList());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal(label, action.GetProperty("title").GetString());
        Assert.Equal(ExpectedLink(type), action.GetProperty("url").GetString());
    }

    private static string ExpectedLink(string type) => type == WebhookEventTypes.LeaveSubmitted
        ? $"https://arkoa.example/companies/{Company}/approvals?leave={LeaveId}#leave-{LeaveId}"
        : $"https://arkoa.example/companies/{Company}/calendar";

    [Theory]
    [InlineData(WebhookEndpointKind.SLACK, "en", "Absence from Dec 21, 2026")]
    [InlineData(WebhookEndpointKind.TEAMS, "fr", "Absence du 21 déc. 2026")]
    public void A_private_leave_type_reads_absent(WebhookEndpointKind kind, string language, string word)
    {
        var json = Render(kind, Envelope(WebhookEventTypes.LeaveApproved, hidden: true), language, Web);
        Assert.Contains($": {word} ", json.Replace("\u00A0", " "));
        Assert.DoesNotContain("RTT", json);
    }

    [Fact]
    public void No_free_text_of_the_leave_is_in_a_message()
    {
        // The envelope a chat message is made from has no reason nor note field: nothing to leak. Pinned here, so that
        // a field added to the leave event later has to be looked at for chat too.
        var data = JsonDocument.Parse(Envelope(WebhookEventTypes.LeaveSubmitted)).RootElement.GetProperty("data");
        Assert.Equal(
            ["leaveId", "membershipId", "memberName", "type", "typeHidden", "startDate", "endDate", "startHalf", "endHalf", "days", "status", "edited"],
            data.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void A_name_cannot_inject_markup()
    {
        var slack = JsonDocument.Parse(Render(WebhookEndpointKind.SLACK,
            Envelope(WebhookEventTypes.LeaveSubmitted, name: "<!channel> <https://evil.example|click>"), "en", Web)).RootElement;
        var markdown = slack.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString()!;
        Assert.StartsWith("New request from *&lt;!channel&gt; &lt;https://evil.example|click&gt;*", markdown);

        var teams = JsonDocument.Parse(Render(WebhookEndpointKind.TEAMS,
            Envelope(WebhookEventTypes.LeaveSubmitted, name: "[click](https://evil.example) *x*"), "en", Web)).RootElement;
        var text = teams.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString()!;
        Assert.StartsWith(@"New request from **\[click\]\(https://evil.example\) \*x\***", text);
    }

    [Theory]
    [InlineData(WebhookEndpointKind.SLACK, "en", "Test message from Arkoa: this channel is connected.")]
    [InlineData(WebhookEndpointKind.TEAMS, "fr", "Message de test d’Arkoa\u00A0: ce canal est bien relié.")]
    public void The_test_message_says_the_channel_is_connected(WebhookEndpointKind kind, string language, string sentence)
    {
        var envelope = WebhookEnvelope.Serialize(Guid.CreateVersion7(), WebhookEventTypes.Ping, DateTime.UtcNow, Company,
            new PingEventData(Guid.CreateVersion7(), "A test event sent from Arkoa."));
        var json = Render(kind, envelope, language, Web);
        var root = JsonDocument.Parse(json).RootElement;
        var text = kind == WebhookEndpointKind.SLACK ? root.GetProperty("text")
            : root.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text");
        Assert.Equal(sentence, text.GetString());
        Assert.Contains($"https://arkoa.example/companies/{Company}", json);
    }
}
