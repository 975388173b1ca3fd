using System.Diagnostics.Metrics;
using Arkoa.Worker.Backups;
using Arkoa.Worker.Jobs;

namespace Arkoa.Worker;

/// <summary>The Worker's business metrics (SPEC §9), exported at /metrics.</summary>
public static class WorkerMetrics
{
    private static readonly Meter Meter = new(ServiceDefaultsExtensions.ArkoaMeterName);

    /// <summary>arkoa_mail_sent_total{result="sent|retry|dead"}</summary>
    private static readonly Counter<long> MailSentCounter =
        Meter.CreateCounter<long>("arkoa.mail.sent", description: "Mail delivery attempts by outcome.");

    // Last count read by OutboxBacklogMonitor; -1 until the first read, so nothing is reported before a real value.
    private static long _outboxPending = -1;

    static WorkerMetrics()
    {
        // arkoa_outbox_pending: outbox messages neither sent nor dead-lettered (due now or waiting for a retry).
        Meter.CreateObservableGauge("arkoa.outbox.pending", ObserveOutboxPending,
            description: "Outbox messages not yet sent and not dead-lettered.");
    }

    /// <summary>
    /// Every outcome exists from the start at 0, so the first retry or dead letter shows as an increase (a series
    /// that appears at 1 would not, and the mail alerts would miss it). Call once the host has started: measurements
    /// recorded before OpenTelemetry listens are dropped.
    /// </summary>
    public static void ExposeMailOutcomesAtZero()
    {
        foreach (var result in new[] { "sent", "retry", "dead" }) MailSentCounter.Add(0, new KeyValuePair<string, object?>("result", result));
    }

    public static void MailSent(string result) => MailSentCounter.Add(1, new KeyValuePair<string, object?>("result", result));

    public static void OutboxPending(long count) => Interlocked.Exchange(ref _outboxPending, count);

    private static IEnumerable<Measurement<long>> ObserveOutboxPending()
    {
        var count = Interlocked.Read(ref _outboxPending);
        return count < 0 ? [] : [new Measurement<long>(count)];
    }

    /// <summary>arkoa_jobs_runs_total{job, status="Done|AlreadyDone|NotDue|Failed"}, per company.</summary>
    private static readonly Counter<long> JobRunCounter =
        Meter.CreateCounter<long>("arkoa.jobs.runs", description: "Company job runs by job and outcome.");

    /// <summary>arkoa_ledger_broken_members_total: members whose ledger a daily check found broken (SPEC §2); any increase is an incident.</summary>
    private static readonly Counter<long> LedgerBrokenCounter =
        Meter.CreateCounter<long>("arkoa.ledger.broken_members", description: "Members whose balance ledger a check found broken.");

    /// <summary>arkoa_backup_duration_seconds (histogram) {result="success|failure"}</summary>
    private static readonly Histogram<double> BackupDuration =
        Meter.CreateHistogram<double>("arkoa.backup.duration", unit: "s", description: "Duration of backups, dump and restore check included.");

    public static void JobRun(string job, JobStatus status) => JobRunCounter.Add(1,
        new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("status", status.ToString()));

    public static void LedgerBroken(int members) => LedgerBrokenCounter.Add(members);

    public static void BackupFinished(string result, double durationSeconds) =>
        BackupDuration.Record(durationSeconds, new KeyValuePair<string, object?>("result", result));

    /// <summary>
    /// arkoa_backup_last_success_timestamp_seconds and arkoa_backup_size_bytes, read from the newest verified backup in
    /// the folder, so every replica reports the same.
    /// </summary>
    public static void ObserveBackups(BackupStatus status)
    {
        Meter.CreateObservableGauge("arkoa.backup.last_success_timestamp",
            () => status.Newest() is { } newest ? [new Measurement<double>(new DateTimeOffset(newest.TakenAt).ToUnixTimeSeconds())] : Array.Empty<Measurement<double>>(),
            unit: "s", description: "Unix time of the newest verified backup.");
        Meter.CreateObservableGauge("arkoa.backup.size",
            () => status.Newest() is { } newest ? [new Measurement<long>(newest.SizeBytes)] : Array.Empty<Measurement<long>>(),
            unit: "By", description: "Size of the newest verified backup.");
    }
}
