namespace Arkoa.Core.Limits;

/// <summary>
/// "At most <see cref="Max"/> in any <see cref="Window"/>", counted from the instants of the earlier events (kept in
/// Postgres by the callers, so every Api replica counts the same events).
/// </summary>
public sealed record SlidingLimit(int Max, TimeSpan Window)
{
    /// <summary>The start of the window that ends at <paramref name="now"/>: older events no longer count.</summary>
    public DateTime Since(DateTime now) => now - Window;

    /// <summary>
    /// Null when one more event may happen at <paramref name="now"/>; otherwise how long until enough earlier events
    /// have left the window for it to be allowed.
    /// </summary>
    public TimeSpan? RetryAfter(IEnumerable<DateTime> earlier, DateTime now)
    {
        var counted = earlier.Where(at => at > Since(now)).Order().ToList();
        if (counted.Count < Max) return null;
        // With one more allowed once all but Max - 1 of them are gone, the one that must leave is this one.
        return counted[counted.Count - Max] + Window - now;
    }
}
