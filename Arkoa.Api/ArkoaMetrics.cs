using System.Diagnostics.Metrics;

namespace Arkoa.Api;

/// <summary>
/// The Api's business metrics (SPEC §9), exported at /metrics with the framework's. Labels hold closed sets
/// (leave types, review outcomes), never user, member or company ids: those would multiply the series without bound.
/// </summary>
public static class ArkoaMetrics
{
    private static readonly Meter Meter = new(ServiceDefaultsExtensions.ArkoaMeterName);

    /// <summary>arkoa_leaves_requested_total{type}</summary>
    public static readonly Counter<long> LeavesRequested =
        Meter.CreateCounter<long>("arkoa.leaves.requested", description: "Leaves requested, by type.");

    /// <summary>arkoa_leaves_reviewed_total{status}: add 1 with the review's outcome as "status" (e.g. APPROVED, REJECTED).</summary>
    public static readonly Counter<long> LeavesReviewed =
        Meter.CreateCounter<long>("arkoa.leaves.reviewed", description: "Leaves reviewed, by resulting status.");
}
