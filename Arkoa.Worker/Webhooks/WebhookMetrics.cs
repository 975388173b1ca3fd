using System.Diagnostics.Metrics;

namespace Arkoa.Worker.Webhooks;

/// <summary>Webhook delivery metrics, exported at /metrics. No endpoint, URL or company as a label: outcomes only.</summary>
public static class WebhookMetrics
{
    private static readonly Meter Meter = new(ServiceDefaultsExtensions.ArkoaMeterName);

    /// <summary>arkoa_webhook_deliveries_total{outcome="delivered|retry|dead"}: attempts by what came of them.</summary>
    private static readonly Counter<long> Deliveries =
        Meter.CreateCounter<long>("arkoa.webhook.deliveries", description: "Webhook delivery attempts by outcome.");

    public static readonly string[] Outcomes = ["delivered", "retry", "dead"];

    /// <summary>Every outcome from the start at 0, so the first dead letter shows as an increase.</summary>
    public static void ExposeOutcomesAtZero()
    {
        foreach (var outcome in Outcomes) Deliveries.Add(0, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public static void Delivery(string outcome) => Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
