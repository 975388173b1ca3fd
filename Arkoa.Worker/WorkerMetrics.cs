using System.Diagnostics.Metrics;

namespace Arkoa.Worker;

/// <summary>The Worker's business metrics (SPEC §9), exported at /metrics.</summary>
public static class WorkerMetrics
{
    private static readonly Meter Meter = new(ServiceDefaultsExtensions.ArkoaMeterName);

    /// <summary>arkoa_mail_sent_total{result="sent|retry|dead"}</summary>
    private static readonly Counter<long> MailSentCounter =
        Meter.CreateCounter<long>("arkoa.mail.sent", description: "Mail delivery attempts by outcome.");

    public static void MailSent(string result) => MailSentCounter.Add(1, new KeyValuePair<string, object?>("result", result));
}
