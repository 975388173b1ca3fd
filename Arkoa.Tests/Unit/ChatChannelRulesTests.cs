using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Unit;

/// <summary>What a chat channel must be; each refusal names its field.</summary>
public sealed class ChatChannelRulesTests
{
    private const string Slack = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";
    private static readonly string[] Submitted = [WebhookEventTypes.LeaveSubmitted];

    private static (string? Field, string? Code) Refusal(WebhookEndpointKind? kind, string? url, string? name, string[]? events,
        string? language = "en", bool creating = true)
    {
        var error = ChatChannelRules.Check(kind, url, name, events, language, false, creating).Error;
        return (error?.Field, error?.Code);
    }

    [Fact]
    public void Each_refusal_names_its_field_and_code()
    {
        Assert.Equal(("kind", ProblemCodes.InvalidChoice), Refusal(null, Slack, "Team", Submitted));
        Assert.Equal(("kind", ProblemCodes.InvalidChoice), Refusal(WebhookEndpointKind.WEBHOOK, Slack, "Team", Submitted));
        Assert.Equal(("url", ProblemCodes.Required), Refusal(WebhookEndpointKind.SLACK, " ", "Team", Submitted));
        Assert.Equal(("url", ProblemCodes.WebhookUrlNotAllowed), Refusal(WebhookEndpointKind.SLACK, "https://example.com/x", "Team", Submitted));
        Assert.Equal(("name", ProblemCodes.Required), Refusal(WebhookEndpointKind.SLACK, Slack, "", Submitted));
        Assert.Equal(("name", ProblemCodes.TooLong), Refusal(WebhookEndpointKind.SLACK, Slack, new string('x', 201), Submitted));
        Assert.Equal(("language", ProblemCodes.InvalidChoice), Refusal(WebhookEndpointKind.SLACK, Slack, "Team", Submitted, "de"));
        Assert.Equal(("events", ProblemCodes.Required), Refusal(WebhookEndpointKind.SLACK, Slack, "Team", []));
        // Balances and members are not for a channel many people read.
        Assert.Equal(("events", ProblemCodes.InvalidChoice), Refusal(WebhookEndpointKind.SLACK, Slack, "Team", [WebhookEventTypes.MemberJoined]));
        Assert.Equal((null, null), Refusal(WebhookEndpointKind.SLACK, Slack, "Team", Submitted));
    }

    [Fact]
    public void An_update_checks_only_what_it_changes()
    {
        Assert.Equal((null, null), Refusal(WebhookEndpointKind.TEAMS, null, null, null, null, creating: false));
        Assert.Equal(("url", ProblemCodes.WebhookUrlNotAllowed), Refusal(WebhookEndpointKind.TEAMS, Slack, null, null, null, creating: false));
    }

    [Fact]
    public void Events_are_kept_once_in_the_catalogue_order()
    {
        var (events, error) = ChatChannelRules.Check(WebhookEndpointKind.SLACK, Slack, "Team",
            [WebhookEventTypes.LeaveCanceled, WebhookEventTypes.LeaveSubmitted, WebhookEventTypes.LeaveCanceled], "fr", false, creating: true);
        Assert.Null(error);
        Assert.Equal([WebhookEventTypes.LeaveSubmitted, WebhookEventTypes.LeaveCanceled], events);
    }
}
