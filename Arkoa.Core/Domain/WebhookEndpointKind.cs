namespace Arkoa.Core.Domain;

/// <summary>
/// What an endpoint receives: a signed Arkoa envelope (<see cref="WEBHOOK"/>), or a chat message the Worker formats for
/// a Slack or Microsoft Teams incoming webhook (unsigned: those services do not verify signatures, the URL is the secret).
/// </summary>
public enum WebhookEndpointKind { WEBHOOK, SLACK, TEAMS }
