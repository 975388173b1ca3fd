namespace Arkoa.Core.Domain;

/// <summary>One try at posting a <see cref="WebhookDelivery"/>: what the receiver answered, how long it took, or why it failed.</summary>
public sealed class WebhookDeliveryAttempt : Entity
{
    public const int ErrorMaxLength = 500;
    public const int ResponseExcerptMaxLength = 200;

    public Guid DeliveryId { get; set; }
    public DateTime AttemptedAt { get; set; }

    /// <summary>The receiver's HTTP status, or null when no answer came (refused target, timeout, connection error).</summary>
    public int? StatusCode { get; set; }
    public int DurationMs { get; set; }
    public string? Error { get; set; }

    /// <summary>The start of the receiver's answer, truncated: enough to debug, never a stored copy of what it sent.</summary>
    public string? ResponseExcerpt { get; set; }
}
