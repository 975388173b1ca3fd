using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Arkoa.Api.Auth;

/// <summary>
/// Sessions this replica has checked in the last <see cref="Lifetime"/>, so most requests skip the session query. A
/// session that ends (sign-out, password change or reset, account erasure) is revoked here and, through
/// <see cref="SessionRevocations"/>, on every other replica at once; <see cref="Lifetime"/> only bounds how long a
/// replica that missed the message (Redis down) could still accept it.
/// </summary>
public sealed class SessionCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 100_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    // When each user's sessions were last revoked, on a clock that only moves forward; an entry loaded before that is void.
    private readonly ConcurrentDictionary<Guid, (long Tick, DateTime At)> _revoked = new();
    private long _tick;

    /// <summary>
    /// Read before the database: an entry stored with it is void if a revocation came in meanwhile (a later tick). A
    /// revocation before the read has the same or an earlier tick and voids nothing: the read already saw the deletion.
    /// </summary>
    public long Tick => Interlocked.Read(ref _tick);

    public CachedSession? Find(string tokenHash, DateTime now) =>
        _entries.TryGetValue(tokenHash, out CachedSession? session) && session is not null && session.ExpiresAt > now
            && !(_revoked.TryGetValue(session.UserId, out var revoked) && revoked.Tick > session.LoadedAtTick)
            ? session
            : null;

    public void Store(string tokenHash, CachedSession session) =>
        _entries.Set(tokenHash, session, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Forget(string tokenHash) => _entries.Remove(tokenHash);

    /// <summary>Voids every cached session of the user on this replica.</summary>
    public void Revoke(Guid userId)
    {
        var now = DateTime.UtcNow;
        _revoked[userId] = (Interlocked.Increment(ref _tick), now);
        // Entries live at most Lifetime, so older revocations can void nothing any more.
        if (_revoked.Count > 10_000)
        {
            foreach (var (user, revoked) in _revoked)
            {
                if (now - revoked.At > Lifetime) _revoked.TryRemove(user, out _);
            }
        }
    }

    public void Dispose() => _entries.Dispose();
}

/// <summary>What a request needs from its session; <see cref="LoadedAtTick"/> is <see cref="SessionCache.Tick"/> before the read.</summary>
public sealed record CachedSession(Guid SessionId, Guid UserId, DateTime CreatedAt, DateTime ExpiresAt, long LoadedAtTick);
