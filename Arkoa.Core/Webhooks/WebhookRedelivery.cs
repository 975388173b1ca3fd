using Arkoa.Core.Domain;

namespace Arkoa.Core.Webhooks;

/// <summary>Sending a dead-lettered webhook or chat delivery again, at an admin's request.</summary>
public static class WebhookRedelivery
{
    /// <summary>
    /// Starts a new round of attempts now, or refuses one that is delivered or still being tried. The attempt log keeps
    /// the earlier ones, and the event id stays so receivers can de-duplicate.
    /// </summary>
    public static DomainError? Redeliver(WebhookDelivery delivery, DateTime now)
    {
        if (delivery.DeadAt is null) return WebhookErrors.DeliveryNotDead;
        delivery.DeadAt = null;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = now;
        return null;
    }

    /// <summary>What the delivery lists show: delivered, dead (a dead letter), or pending (waiting or retrying).</summary>
    public static string Status(WebhookDelivery delivery) =>
        delivery.DeliveredAt is not null ? "delivered" : delivery.DeadAt is not null ? "dead" : "pending";
}
