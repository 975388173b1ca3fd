namespace Arkoa.Core.Webhooks;

/// <summary>
/// How long finished webhook and chat deliveries (and their attempts) are kept: delivered ones <see cref="DeliveredDays"/>
/// days (30 unless configured), dead letters <see cref="DeadDays"/> (90: long enough for an admin to notice and
/// redeliver them). Deliveries still waiting or retrying are never removed, however old. The cut-offs are computed from
/// the start of the run's day, so a day's run removes the same rows whichever replica or hour runs it.
/// </summary>
public sealed record WebhookRetention(int DeliveredDays = WebhookRetention.DefaultDeliveredDays, int DeadDays = WebhookRetention.DefaultDeadDays)
{
    public const int DefaultDeliveredDays = 30;
    public const int DefaultDeadDays = 90;

    /// <summary>Why these settings cannot be used (a day count below 1, dead letters kept less than delivered ones), or null.</summary>
    public string? Problem =>
        DeliveredDays < 1 || DeadDays < 1 ? "Webhooks:DeliveredRetentionDays and Webhooks:DeadLetterRetentionDays must be at least 1."
        : DeadDays < DeliveredDays ? "Webhooks:DeadLetterRetentionDays must not be shorter than Webhooks:DeliveredRetentionDays: a dead letter is what an admin may still want to redeliver."
        : null;

    /// <summary>Delivered before this instant: removed by the run whose day starts at <paramref name="dayStartUtc"/>.</summary>
    public DateTime DeliveredBefore(DateTime dayStartUtc) => dayStartUtc.AddDays(-DeliveredDays);

    /// <summary>Dead-lettered before this instant: removed by the run whose day starts at <paramref name="dayStartUtc"/>.</summary>
    public DateTime DeadBefore(DateTime dayStartUtc) => dayStartUtc.AddDays(-DeadDays);
}
