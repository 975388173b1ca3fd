namespace Arkoa.Core.Domain;

/// <summary>A signed-in session. Only the SHA-256 of its token is stored; deleting the row revokes it.</summary>
public sealed class Session : Entity
{
    /// <summary>Sessions slide this far ahead of each use…</summary>
    public static readonly TimeSpan SlidingLifetime = TimeSpan.FromDays(7);

    /// <summary>…but never past this long after sign-in: a stolen token dies within a month whatever it does.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromDays(30);

    public Guid UserId { get; set; }
    public User? User { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the session was last used, to the hour (it is written when the expiry slides).</summary>
    public DateTime LastSeenAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>The expiry a use at <paramref name="now"/> gives a session opened at <paramref name="createdAt"/>.</summary>
    public static DateTime SlidExpiry(DateTime createdAt, DateTime now)
    {
        var sliding = now + SlidingLifetime;
        var absolute = createdAt + AbsoluteLifetime;
        return sliding < absolute ? sliding : absolute;
    }
}
