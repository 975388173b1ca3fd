namespace Arkoa.Worker.Jobs;

/// <summary>The "Jobs" configuration section: when the company jobs run.</summary>
public sealed class JobOptions
{
    /// <summary>How often the scheduler looks for a due run.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Cron expressions (5 fields, evaluated in each company's time zone) per job; an empty one leaves the job to
    /// on-demand runs only. Each job is idempotent per period, so the daily schedules of the yearly jobs simply find
    /// their period done on all days but the first: a Worker that was down on 1 January catches up when it returns.
    /// </summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [YearlyCreditJob.JobName] = "5 0 * * *",
        [CarryOverExpiryJob.JobName] = "10 0 * * *",
        [StepEscalationJob.JobName] = "45 7 * * *",
        [PendingDigestJob.JobName] = "0 8 * * *",
        [LedgerVerifyJob.JobName] = "20 3 * * *",
        [WebhookRetentionJob.JobName] = "40 3 * * *",
    };

    /// <summary>A scheduled occurrence missed while the Worker was down is still run if it is at most this old.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Requests pending for longer than this are listed in the managers' daily digest.</summary>
    public TimeSpan PendingDigestMinimumAge { get; set; } = TimeSpan.FromHours(48);
}
