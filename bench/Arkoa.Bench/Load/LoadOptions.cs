namespace Arkoa.Bench.Load;

/// <summary>How hard and how long each endpoint is driven; every phase is bounded in time and in requests.</summary>
public sealed record LoadOptions
{
    public int Concurrency { get; init; } = 1000;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Null: a closed loop (each connection sends its next request as soon as it has the answer), which measures the most
    /// the system can do. A number: an open loop offering that many requests a second in all, spread evenly over the
    /// connections whatever the answers' speed, which measures the latency at that load.
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>The open loop's rate for the write phases (create, review), which cost far more than reads; <see cref="Rate"/> when null.</summary>
    public double? WriteRate { get; init; }

    /// <summary>Upper bound on requests per phase (warm-up included), whatever the duration.</summary>
    public long MaxRequestsPerPhase { get; init; } = 2_000_000;

    /// <summary>Employees signed in up front (spread over the companies); every company's admin signs in too.</summary>
    public int SignedInEmployees { get; init; } = 200;

    /// <summary>Only the phases whose names are listed, or every phase when empty.</summary>
    public IReadOnlySet<string> Phases { get; init; } = new HashSet<string>();

    public Action<string> Output { get; init; } = Console.WriteLine;
}
