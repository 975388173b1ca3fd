using System.Diagnostics.Metrics;

namespace Arkoa.Api;

/// <summary>The Api's business metrics (SPEC §9), exported at /metrics with the framework's.</summary>
public static class ArkoaMetrics
{
    private static readonly Meter Meter = new(ServiceDefaultsExtensions.ArkoaMeterName);

    /// <summary>arkoa_leaves_requested_total{type}</summary>
    public static readonly Counter<long> LeavesRequested =
        Meter.CreateCounter<long>("arkoa.leaves.requested", description: "Leaves requested, by type.");

    /// <summary>arkoa_leaves_reviewed_total{status}</summary>
    public static readonly Counter<long> LeavesReviewed =
        Meter.CreateCounter<long>("arkoa.leaves.reviewed", description: "Leaves reviewed, by decision.");
}
