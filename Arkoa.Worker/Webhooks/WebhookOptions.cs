namespace Arkoa.Worker.Webhooks;

/// <summary>The "Webhooks" delivery settings of the Worker (the key and the target policy are in Core's WebhookSettings).</summary>
public sealed class WebhookOptions
{
    /// <summary>How often the Worker looks for deliveries when the last look found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After this many failed attempts a delivery is dead-lettered: an admin can redeliver it.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry comes after half to all of this; each later one doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A receiver must answer within this (connection included); a slow one fails and is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delivered webhook and chat deliveries are deleted, with their attempts, this many days after delivery.</summary>
    public int DeliveredRetentionDays { get; set; } = Core.Webhooks.WebhookRetention.DefaultDeliveredDays;

    /// <summary>Dead letters are deleted this many days after they died: longer, so an admin can still redeliver them.</summary>
    public int DeadLetterRetentionDays { get; set; } = Core.Webhooks.WebhookRetention.DefaultDeadDays;

    public Core.Webhooks.WebhookRetention Retention => new(DeliveredRetentionDays, DeadLetterRetentionDays);
}
