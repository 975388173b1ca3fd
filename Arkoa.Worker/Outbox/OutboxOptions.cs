namespace Arkoa.Worker.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How often the Worker looks for messages to send when the last look found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages claimed (row-locked) and sent per SMTP session.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>After this many failed attempts a message is dead-lettered (dead_at set) and no longer retried.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delay before the first retry; it doubles with each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Health turns Degraded when the oldest message still to send was queued longer ago than this.</summary>
    public TimeSpan PendingAgeThreshold { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Min(attempts - 1, 20);
        var delay = FirstRetryDelay * Math.Pow(2, Math.Max(exponent, 0));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
