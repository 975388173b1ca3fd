namespace Arkoa.Core.Webhooks;

/// <summary>
/// When to try a failed delivery again: exponential back-off from <c>first</c>, capped at <c>max</c>, with "equal
/// jitter" (a random half of the delay) so that many deliveries failing together (a receiver down) do not all come back
/// at the same instant.
/// </summary>
public static class WebhookRetry
{
    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    /// <param name="random">A value in [0, 1).</param>
    public static TimeSpan Delay(int attempts, TimeSpan first, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var full = first * Math.Pow(2, exponent);
        if (full > max) full = max;
        return full / 2 + full / 2 * random;
    }
}
