using Arkoa.Core.Security;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Arkoa.Api.Auth;

/// <summary>
/// Attempts at the auth endpoints per minute: at most <see cref="RateLimitOptions.AuthAttemptsPerMinute"/> of one
/// action for one (client IP, e-mail) — SPEC §5 — and at most <see cref="RateLimitOptions.AuthAttemptsPerClientPerMinute"/>
/// of all actions together for one client IP, so a client cycling through e-mail addresses is held too. The counts
/// are fixed one-minute windows in Redis, so they hold whichever replica answers.
/// </summary>
public sealed partial class AuthAttemptLimiter(
    IConnectionMultiplexer redis, IOptions<RateLimitOptions> options, ILogger<AuthAttemptLimiter> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Count and expiry in one atomic script: two replicas counting at once both see their own increment, and a
    // window can never be left without an expiry (which would lock the key out for good). Returns the wait of the
    // first key over its limit, or 0.
    private const string CountScript = """
        for i, key in ipairs(KEYS) do
          local count = redis.call('INCR', key)
          local ttl = redis.call('PTTL', key)
          if ttl < 0 then
            redis.call('PEXPIRE', key, ARGV[1])
            ttl = tonumber(ARGV[1])
          end
          if count > tonumber(ARGV[i + 1]) then return ttl end
        end
        return 0
        """;

    /// <summary>Counts this attempt; returns how long to wait when it is one too many, or null when it may go on.</summary>
    public Task<TimeSpan?> CountAsync(string action, HttpContext context, string normalizedEmail)
    {
        var client = context.Connection.RemoteIpAddress;
        // The e-mail is hashed: Redis holds no personal data, and the key length is bounded.
        return CountAsync(
            [ClientKey(context), $"arkoa:auth-attempts:{action}:{client}:{SecureToken.Hash(normalizedEmail)}"],
            [options.Value.AuthAttemptsPerClientPerMinute, options.Value.AuthAttemptsPerMinute]);
    }

    /// <summary>Counts an attempt against the client's limit only (sign-in, whose per-e-mail limit is <see cref="SignInDelay"/>).</summary>
    public Task<TimeSpan?> CountClientAsync(HttpContext context) =>
        CountAsync([ClientKey(context)], [options.Value.AuthAttemptsPerClientPerMinute]);

    private static RedisKey ClientKey(HttpContext context) => $"arkoa:auth-client:{context.Connection.RemoteIpAddress}";

    private async Task<TimeSpan?> CountAsync(RedisKey[] keys, int[] limits)
    {
        try
        {
            RedisValue[] arguments = [(long)Window.TotalMilliseconds, .. limits.Select(l => (RedisValue)l)];
            var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(CountScript, keys, arguments);
            return wait > 0 ? TimeSpan.FromMilliseconds(wait) : null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Without Redis nobody could sign in at all; the per-user request limit and PBKDF2's cost still bound guessing.
            LogRedisUnavailable(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth attempt limit not applied: Redis is unavailable.")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);
}
