using System.Threading.RateLimiting;
using Arkoa.Api.Auth;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Http;

/// <summary>
/// Admission control: at most <c>RateLimits:MaxConcurrentRequests</c> API requests run at once in this replica; the
/// rest wait their turn (oldest first) before any work — even the session lookup — is done for them. Without it, a
/// burst of a thousand requests all start, all queue for the few database connections, and a transaction holding one
/// waits behind every newcomer for each of its round trips, so connections are held far longer and everything slows
/// (docs/performance.md). A full queue answers 503 with Retry-After.
/// </summary>
public sealed class InFlightLimit(RequestDelegate next, IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentRequests,
        QueueLimit = options.Value.MaxQueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async Task InvokeAsync(HttpContext context)
    {
        // Probes and scrapes (/health, /alive, /metrics) never wait behind API traffic; SCIM provisioning is API traffic.
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/scim"))
        {
            await next(context);
            return;
        }
        using var lease = await _limiter.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return;
        }
        await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
