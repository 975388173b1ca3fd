using System.Diagnostics.Metrics;

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
        // Every outcome exists from the start at 0, so the first retry or dead letter shows as an increase
        // (a series that appears at 1 would not, and the mail alerts would miss it).
        foreach (var result in new[] { "sent", "retry", "dead" }) MailSentCounter.Add(0, new KeyValuePair<string, object?>("result", result));
        // arkoa_outbox_pending: outbox messages neither sent nor dead-lettered (due now or waiting for a retry).
        Meter.CreateObservableGauge("arkoa.outbox.pending", ObserveOutboxPending,
            description: "Outbox messages not yet sent and not dead-lettered.");
    }

    public static void MailSent(string result) => MailSentCounter.Add(1, new KeyValuePair<string, object?>("result", result));

    public static void OutboxPending(long count) => Interlocked.Exchange(ref _outboxPending, count);

    private static IEnumerable<Measurement<long>> ObserveOutboxPending()
    {
        var count = Interlocked.Read(ref _outboxPending);
        return count < 0 ? [] : [new Measurement<long>(count)];
    }
}
