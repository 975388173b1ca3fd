using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Auth;

/// <summary>The outcome of checking a password: <see cref="RetryAfter"/> is set when the account is locked.</summary>
public readonly record struct PasswordCheck(bool Succeeded, TimeSpan? RetryAfter)
{
    public bool IsLocked => RetryAfter is not null;
}

/// <summary>
/// Checks a user's password with the account lockout of SPEC §5: after <see cref="MaxFailures"/> consecutive
/// failures the account refuses every password for <see cref="LockDuration"/>. The counters are columns of the
/// user row, updated atomically in SQL, so the lockout holds across Api replicas.
/// </summary>
public sealed class PasswordVerifier(ArkoaDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// On success the (tracked) user's counters are reset and an outdated hash is upgraded; the caller saves.
    /// A failure is recorded at once, whatever the caller does next.
    /// </summary>
    public async Task<PasswordCheck> CheckAsync(User user, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Hashed even when locked, so a locked answer takes as long as any other and says nothing about the password.
        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now) return new PasswordCheck(false, lockedUntil - now);

        if (verification == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user.Id, now, cancellationToken);
            return new PasswordCheck(false, null);
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password);
        if (user.FailedSignInCount != 0 || user.LockedUntil is not null)
        {
            user.FailedSignInCount = 0;
            user.LockedUntil = null;
        }
        return new PasswordCheck(true, null);
    }

    /// <summary>
    /// One UPDATE reads and writes the counter, so parallel failures on several replicas each count. The failure
    /// that reaches the limit locks the account and starts a fresh count for after the lock.
    /// </summary>
    private Task RecordFailureAsync(Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        DateTime? lockedUntil = now + LockDuration;
        return db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.LockedUntil, x => x.FailedSignInCount + 1 >= MaxFailures ? lockedUntil : x.LockedUntil)
            .SetProperty(x => x.FailedSignInCount, x => x.FailedSignInCount + 1 >= MaxFailures ? 0 : x.FailedSignInCount + 1),
            cancellationToken);
    }
}
