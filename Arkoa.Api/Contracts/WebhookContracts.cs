using System.ComponentModel.DataAnnotations;

namespace Arkoa.Api.Contracts;

/// <summary>A new webhook endpoint: an https address, what it is for, the events it receives, active unless said.</summary>
public sealed record CreateWebhookRequest(
    string? Url,
    string? Description,
    [property: MaxLength(20)] IReadOnlyList<string>? Events,
    bool Active = true);

/// <summary>A change to an endpoint: only what is given changes.</summary>
public sealed record UpdateWebhookRequest(
    string? Url,
    string? Description,
    [property: MaxLength(20)] IReadOnlyList<string>? Events,
    bool? Active);

/// <summary>An endpoint, never its secret.</summary>
public sealed record WebhookResponse(
    Guid Id, string Url, string Description, IReadOnlyList<string> Events, bool Active, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The endpoint just created. <see cref="Secret"/> is shown this once; Arkoa keeps it encrypted to sign with.</summary>
public sealed record CreatedWebhook(
    Guid Id, string Url, string Description, IReadOnlyList<string> Events, bool Active, DateTime CreatedAt, DateTime UpdatedAt, string Secret);

/// <summary>The endpoint's new secret, shown this once; the old one no longer signs anything.</summary>
public sealed record RotatedWebhookSecret(Guid Id, string Secret);

/// <summary>A delivery queued now (a test ping or a redelivery).</summary>
public sealed record QueuedWebhookDelivery(Guid DeliveryId, Guid EventId, string EventType);

/// <summary>
/// One event sent (or to send) to the endpoint: <see cref="Status"/> is <c>pending</c> (next try at
/// <see cref="NextAttemptAt"/>), <c>delivered</c> or <c>dead</c> (given up after the last attempt; can be redelivered).
/// </summary>
public sealed record WebhookDeliveryResponse(
    Guid Id, Guid EventId, string EventType, string Status, int Attempts, DateTime CreatedAt, DateTime? NextAttemptAt,
    DateTime? DeliveredAt, DateTime? DeadAt, int? LastStatusCode, string? LastError, IReadOnlyList<WebhookAttemptResponse> AttemptLog);

/// <summary>One try: the receiver's status (null when none answered), how long it took, the error, the start of its answer.</summary>
public sealed record WebhookAttemptResponse(DateTime AttemptedAt, int? StatusCode, int DurationMs, string? Error, string? ResponseExcerpt);
