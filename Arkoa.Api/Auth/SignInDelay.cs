using Arkoa.Core.Security;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Arkoa.Api.Auth;

/// <summary>
/// The progressive delay that replaced the account lockout: each password attempt for one (account e-mail, client
/// IP) makes the next one wait twice as long as the last (1 s, 2 s, 4 s… up to 15 minutes: <see cref="RateLimitOptions"/>), and a right
/// password clears it. A stranger can slow down only their own attempts, never lock the owner out; a guesser is
/// held to a few tries an hour (after 11 failures, one every 15 minutes). Kept in Redis, so every Api replica sees
/// the same delay.
/// </summary>
public sealed partial class SignInDelay(IConnectionMultiplexer redis, IOptions<RateLimitOptions> options, ILogger<SignInDelay> logger)
{
    /// <summary>The wait after the pair's <paramref name="failures"/>-th failure in a row: the first delay, doubled each time, capped.</summary>
    public static TimeSpan After(long failures, TimeSpan first, TimeSpan max)
    {
        var delay = first;
        for (var failure = 2; failure <= failures && delay < max; failure++) delay *= 2;
        return delay < max ? delay : max;
    }

    // How long a (e-mail, client) pair's count is remembered after its last attempt.
    private static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    // While one attempt's password is being checked, the pair's other attempts wait: parallel guesses cannot all slip
    // in before the first failure is written. Long enough for any check; the outcome then replaces it.
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    private const string ClaimScript = """
        local wait = redis.call('PTTL', KEYS[1])
        if wait > 0 then return wait end
        redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
        return 0
        """;

    private const string CountScript = """
        local count = redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return count
        """;

    /// <summary>
    /// Starts an attempt; returns how long to wait when the delay since the pair's last failure has not passed (or
    /// another of its attempts is being checked). Otherwise report its outcome: <see cref="FailedAsync"/> or <see cref="ClearAsync"/>.
    /// </summary>
    public async Task<TimeSpan?> ClaimAsync(string normalizedEmail, HttpContext context)
    {
        var (_, wait) = Keys(normalizedEmail, context);
        try
        {
            var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(ClaimScript, [wait], [(long)Hold.TotalMilliseconds]);
            return result > 0 ? TimeSpan.FromMilliseconds(result) : null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Without Redis nobody could sign in; the per-user request limit and PBKDF2's cost still bound guessing.
            LogRedisUnavailable(logger, e);
            return null;
        }
    }

    /// <summary>A wrong password: the pair's next attempt waits twice as long as after its previous failure.</summary>
    public async Task FailedAsync(string normalizedEmail, HttpContext context)
    {
        var (count, wait) = Keys(normalizedEmail, context);
        try
        {
            var database = redis.GetDatabase();
            var failures = (long)await database.ScriptEvaluateAsync(CountScript, [count], [(long)Memory.TotalMilliseconds]);
            var delay = After(failures, options.Value.SignInFirstDelay, options.Value.SignInMaxDelay);
            await database.StringSetAsync(wait, "1", delay);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(logger, e);
        }
    }

    /// <summary>The right password: the pair starts afresh.</summary>
    public async Task ClearAsync(string normalizedEmail, HttpContext context)
    {
        var (count, wait) = Keys(normalizedEmail, context);
        try
        {
            await redis.GetDatabase().KeyDeleteAsync([count, wait]);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnavailable(logger, e);
        }
    }

    // By e-mail, not by account: an address without an account is delayed exactly alike, so the delay tells nothing.
    // Hashed: Redis holds no personal data, and the key length is bounded.
    private static (RedisKey Count, RedisKey Wait) Keys(string normalizedEmail, HttpContext context)
    {
        var pair = $"{SecureToken.Hash(normalizedEmail)}:{context.Connection.RemoteIpAddress}";
        return ($"arkoa:sign-in-attempts:{pair}", $"arkoa:sign-in-wait:{pair}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in delay not applied: Redis is unavailable.")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);
}
