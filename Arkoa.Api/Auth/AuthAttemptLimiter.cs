using Arkoa.Core.Security;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Arkoa.Api.Auth;

/// <summary>
/// SPEC §5: at most <see cref="RateLimitOptions.AuthAttemptsPerMinute"/> attempts of one auth action per minute for
/// one (client IP, e-mail). The count is a fixed one-minute window in Redis, so it holds whichever replica answers.
/// </summary>
public sealed partial class AuthAttemptLimiter(
    IConnectionMultiplexer redis, IOptions<RateLimitOptions> options, ILogger<AuthAttemptLimiter> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Count and expiry in one atomic script: two replicas counting at once both see their own increment, and a
    // window can never be left without an expiry (which would lock the pair out for good).
    private const string CountScript = """
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    /// <summary>Counts this attempt; returns how long to wait when it is one too many, or null when it may go on.</summary>
    public async Task<TimeSpan?> CountAsync(string action, HttpContext context, string normalizedEmail)
    {
        // The e-mail is hashed: Redis holds no personal data, and the key length is bounded.
        RedisKey key = $"arkoa:auth-attempts:{action}:{context.Connection.RemoteIpAddress}:{SecureToken.Hash(normalizedEmail)}";
        try
        {
            var result = (RedisResult[]?)await redis.GetDatabase().ScriptEvaluateAsync(
                CountScript, [key], [(long)Window.TotalMilliseconds]);
            var count = (long)result![0];
            var ttl = TimeSpan.FromMilliseconds((long)result[1]);
            return count > options.Value.AuthAttemptsPerMinute ? ttl : null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Without Redis nobody could sign in at all; the account lockout (in Postgres) still bounds guessing.
            LogRedisUnavailable(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth attempt limit not applied: Redis is unavailable.")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);
}
