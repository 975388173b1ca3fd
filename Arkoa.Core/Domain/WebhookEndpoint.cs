namespace Arkoa.Core.Domain;

/// <summary>
/// An address a company's admins registered to receive events (issue 18): the events it subscribes to, whether it is
/// active, and its signing secret kept encrypted (<see cref="Webhooks.WebhookSecretProtector"/>): the Worker needs the
/// secret itself to sign, so a hash would not do.
/// </summary>
public sealed class WebhookEndpoint : Entity
{
    public Guid CompanyId { get; set; }

    /// <summary>A signed webhook, or a chat channel (Slack, Teams) whose messages the Worker formats.</summary>
    public WebhookEndpointKind Kind { get; set; } = WebhookEndpointKind.WEBHOOK;

    /// <summary>
    /// The address posted to; for a chat channel only its hint (host and last characters, <see cref="Webhooks.ChatChannelUrl.Hint"/>):
    /// its incoming-webhook URL lets anyone post into the channel, so it is kept in <see cref="EncryptedSecret"/> instead.
    /// </summary>
    public required string Url { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The subscribed event types (<see cref="Webhooks.WebhookEventTypes"/>), stored readable.</summary>
    public required string[] Events { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>A chat channel's language, "fr" or "en" (null for a webhook, whose envelope has no text).</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The signing secret (a chat channel: its incoming-webhook URL) encrypted with the deployment's webhook key, bound
    /// to this endpoint's id.
    /// </summary>
    public required string EncryptedSecret { get; set; }
}
