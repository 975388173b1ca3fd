using System.Diagnostics;

namespace Arkoa.Bench.Load;

/// <summary>
/// Drives one endpoint with a fixed number of concurrent connections for a warm-up then a measured period, and records
/// every latency. Closed loop: each connection sends its next request when the previous answer is read. Open loop
/// (<see cref="LoadOptions.Rate"/>): each request has a planned start, connection i sending the i-th of every
/// <c>Concurrency</c> slots; its latency counts from that planned start, so an answer that keeps the next request
/// waiting is charged for the wait too (no "coordinated omission").
/// </summary>
public static class PhaseRunner
{
    /// <param name="onSuccess">Sees every answer with the expected status (the create phase collects the new leaves).</param>
    /// <param name="next">The request for the n-th call, or null when there is nothing left to send (the connection stops).</param>
    public static async Task<PhaseResult> RunAsync(
        HttpClient client, string name, Func<long, HttpRequestMessage?> next, int expectedStatus, LoadOptions options, CancellationToken cancellationToken,
        Action<HttpResponseMessage>? onSuccess = null)
    {
        long sequence = -1;
        long errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var measureFrom = options.Warmup;
        var stopAt = options.Warmup + options.Duration;
        var perConnection = new List<long>[options.Concurrency];

        var origin = Stopwatch.GetTimestamp();

        async Task Connection(int index)
        {
            var ticks = perConnection[index] = new List<long>(4096);
            // Each connection reads bodies into its own buffer and drops them: buffering a 300 KB calendar per answer
            // would load the client's garbage collector, on the cores the Api shares, with work no browser does.
            var buffer = new byte[16 * 1024];
            // An open loop sends every start planned before the end, however late the answers before it came back
            // (stopping at the clock instead dropped the starts a slow answer had delayed, and under-counted exactly
            // when the Api was saturated); a closed loop stops at the clock.
            for (long round = 0; (options.Rate is not null || clock.Elapsed < stopAt) && !cancellationToken.IsCancellationRequested; round++)
            {
                var started = Stopwatch.GetTimestamp();
                if (options.Rate is { } rate)
                {
                    var planned = TimeSpan.FromSeconds((round * options.Concurrency + index) / rate);
                    if (planned >= stopAt) return;
                    started = origin + (long)(planned.TotalSeconds * Stopwatch.Frequency);
                    var wait = planned - clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                }
                var measured = Stopwatch.GetElapsedTime(origin, started) >= measureFrom;
                var n = Interlocked.Increment(ref sequence);
                if (n >= options.MaxRequestsPerPhase) return;
                using var request = next(n);
                if (request is null) return;
                string? error = null;
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    if ((int)response.StatusCode != expectedStatus)
                    {
                        error = $"{(int)response.StatusCode} {request.Method} {request.RequestUri?.PathAndQuery}: {Trim(await response.Content.ReadAsStringAsync(cancellationToken))}";
                    }
                    else
                    {
                        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                        while (await body.ReadAsync(buffer, cancellationToken) > 0) { }
                        onSuccess?.Invoke(response);
                    }
                }
                catch (HttpRequestException e)
                {
                    error = $"{request.Method} {request.RequestUri?.PathAndQuery}: {e.Message}";
                }
                catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    error = $"{request.Method} {request.RequestUri?.PathAndQuery}: timed out ({e.Message})";
                }
                var elapsed = Stopwatch.GetTimestamp() - started;
                if (!measured) continue;
                if (error is null) ticks.Add(elapsed);
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(i => Task.Run(() => Connection(i), cancellationToken)));
        var measuredTime = clock.Elapsed - measureFrom;
        if (measuredTime < TimeSpan.Zero) measuredTime = TimeSpan.Zero;
        var all = new List<long>(perConnection.Sum(t => t?.Count ?? 0));
        foreach (var t in perConnection) if (t is not null) all.AddRange(t);
        return PhaseResult.From(name, options.Concurrency, options.Rate, all, errors, measuredTime, firstError);
    }

    private static string Trim(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
