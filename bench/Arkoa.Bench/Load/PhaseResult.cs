namespace Arkoa.Bench.Load;

/// <summary>What one endpoint did while measured (warm-up excluded).</summary>
public sealed record PhaseResult(string Name, int Concurrency, double? OfferedRate, long Requests, long Errors, TimeSpan Measured, double P50Ms, double P95Ms, double P99Ms, string? FirstError)
{
    public double Throughput => Measured.TotalSeconds > 0 ? Requests / Measured.TotalSeconds : 0;

    public static PhaseResult From(string name, int concurrency, double? offeredRate, List<long> ticks, long errors, TimeSpan measured, string? firstError)
    {
        ticks.Sort();
        double At(double q) => ticks.Count == 0 ? 0 : ticks[Math.Min(ticks.Count - 1, (int)Math.Ceiling(q * ticks.Count) - 1)] * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        return new PhaseResult(name, concurrency, offeredRate, ticks.Count, errors, measured, At(0.50), At(0.95), At(0.99), firstError);
    }
}
