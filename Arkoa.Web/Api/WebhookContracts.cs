namespace Arkoa.Web.Api;

/// <summary>A company's webhook endpoint, as GET /api/companies/{id}/webhooks lists it (never its secret).</summary>
public sealed record WebhookItem(string Id, string Url, string Description, List<string> Events, bool Active, DateTime CreatedAt);

/// <summary>An endpoint just created, with its secret shown this once.</summary>
public sealed record CreatedWebhook(string Id, string Url, string Secret);

/// <summary>An endpoint's new secret, shown this once.</summary>
public sealed record RotatedWebhookSecret(string Id, string Secret);

/// <summary>One recent delivery of an endpoint with its attempts.</summary>
public sealed record WebhookDeliveryItem(
    string Id, string EventId, string EventType, string Status, int Attempts, DateTime CreatedAt, DateTime? NextAttemptAt,
    int? LastStatusCode, string? LastError, List<WebhookAttemptItem> AttemptLog);

/// <summary>One try of a delivery.</summary>
public sealed record WebhookAttemptItem(DateTime AttemptedAt, int? StatusCode, int DurationMs, string? Error);
