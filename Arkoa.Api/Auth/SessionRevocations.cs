using StackExchange.Redis;

namespace Arkoa.Api.Auth;

/// <summary>
/// Tells every Api replica that a user's sessions ended, through a Redis channel, so no replica keeps accepting them
/// from its <see cref="SessionCache"/>. Call <see cref="RevokeAsync"/> after the sessions' rows are deleted and
/// committed. A replica that is not listening (Redis unreachable) does not use its cache at all.
/// </summary>
public sealed partial class SessionRevocations(SessionCache cache, IConnectionMultiplexer redis, ILogger<SessionRevocations> logger)
    : BackgroundService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("arkoa:sessions-revoked");
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private volatile bool _subscribed;

    /// <summary>Whether this replica hears revocations now, so that its cached sessions may be trusted.</summary>
    public bool Listening => _subscribed && redis.IsConnected;

    public async Task RevokeAsync(Guid userId)
    {
        cache.Revoke(userId);
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, userId.ToString());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The rows are gone; a replica that missed this stops accepting them within SessionCache.Lifetime.
            LogPublishFailed(logger, e, SessionCache.Lifetime.TotalSeconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Until the first subscription succeeds the cache stays unused; afterwards the client resubscribes by itself.
        while (!_subscribed && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
                {
                    if (Guid.TryParse(message.ToString(), out var userId)) cache.Revoke(userId);
                });
                _subscribed = true;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogSubscribeFailed(logger, e, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other replicas that sessions ended; they accept them for at most {Seconds} s more.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not listen for ended sessions (retrying in {Seconds} s); sessions are checked in the database meanwhile.")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, double seconds);
}
