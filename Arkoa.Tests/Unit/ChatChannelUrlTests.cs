using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Unit;

/// <summary>Which incoming-webhook addresses a Slack or Teams channel may have, and what is shown of them.</summary>
public sealed class ChatChannelUrlTests
{
    [Theory]
    [InlineData(WebhookEndpointKind.SLACK, "https://hooks.slack.com/services/T000/B000/XXXXXXXX", null)]
    [InlineData(WebhookEndpointKind.SLACK, "https://HOOKS.SLACK.COM/services/T000/B000/XXXXXXXX", null)]
    [InlineData(WebhookEndpointKind.SLACK, "https://hooks.slack.com.evil.example/services/x", "not-chat-host")]
    [InlineData(WebhookEndpointKind.SLACK, "https://evilhooks.slack.com/services/x", "not-chat-host")]
    [InlineData(WebhookEndpointKind.SLACK, "https://hooks.slack.com:8443/services/x", "not-chat-host")]
    [InlineData(WebhookEndpointKind.SLACK, "http://hooks.slack.com/services/x", "https-required")]
    [InlineData(WebhookEndpointKind.SLACK, "https://contoso.webhook.office.com/webhookb2/x", "not-chat-host")]
    [InlineData(WebhookEndpointKind.TEAMS, "https://contoso.webhook.office.com/webhookb2/x", null)]
    [InlineData(WebhookEndpointKind.TEAMS, "https://prod-12.westeurope.logic.azure.com:443/workflows/x/triggers/manual/paths/invoke?sig=y", null)]
    [InlineData(WebhookEndpointKind.TEAMS, "https://default0000.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x", null)]
    [InlineData(WebhookEndpointKind.TEAMS, "https://logic.azure.com.evil.example/x", "not-chat-host")]
    [InlineData(WebhookEndpointKind.TEAMS, "https://notlogic.azure.com/x", "not-chat-host")]
    [InlineData(WebhookEndpointKind.TEAMS, "https://hooks.slack.com/services/x", "not-chat-host")]
    [InlineData(WebhookEndpointKind.TEAMS, "https://user:pw@contoso.webhook.office.com/x", "credentials")]
    [InlineData(WebhookEndpointKind.WEBHOOK, "https://hooks.slack.com/services/x", "not-chat-host")]
    public void Only_the_service_s_own_https_hosts_are_allowed(WebhookEndpointKind kind, string url, string? reason)
    {
        var refusal = ChatChannelUrl.Check(kind, url, allowPrivate: false);
        Assert.Equal(reason, refusal is { } r ? WebhookTargetRules.ReasonCode(r) : null);
    }

    [Fact]
    public void A_loopback_receiver_is_allowed_only_with_private_targets_on()
    {
        Assert.Null(ChatChannelUrl.Check(WebhookEndpointKind.SLACK, "http://127.0.0.1:5000/slack", allowPrivate: true));
        Assert.NotNull(ChatChannelUrl.Check(WebhookEndpointKind.SLACK, "http://127.0.0.1:5000/slack", allowPrivate: false));
    }

    [Fact]
    public void The_hint_shows_the_host_and_the_last_four_characters_only()
    {
        const string url = "https://hooks.slack.com/services/T000/B000/SECRETabcd";
        var hint = ChatChannelUrl.Hint(url);
        Assert.Equal("hooks.slack.com …abcd", hint);
        Assert.DoesNotContain("SECRET", hint);
    }
}
