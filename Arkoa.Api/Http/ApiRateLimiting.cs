using System.Globalization;
using System.Threading.RateLimiting;
using Arkoa.Api.Auth;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Http;

/// <summary>
/// The general API limit of SPEC §9 with ASP.NET Core's rate limiter: a one-second window per signed-in user
/// (per company API token for those; per anonymous client IP otherwise). It is counted in each replica's memory, so with N replicas a user gets
/// up to N times the limit; the limits that must hold exactly across replicas (sign-in, lockout) live in Redis
/// and Postgres instead (<see cref="AuthAttemptLimiter"/>, <see cref="PasswordVerifier"/>).
/// </summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                if (context.HttpContext.Request.Path.StartsWithSegments("/scim"))
                {
                    // A provisioning client reads SCIM's error schema; the Retry-After header is what it acts on.
                    context.HttpContext.Response.Headers.RetryAfter = Seconds(retryAfter);
                    await Scim.ScimResults.Error(new Arkoa.Core.Scim.ScimError(StatusCodes.Status429TooManyRequests, null, "Too many requests; slow down."))
                        .ExecuteAsync(context.HttpContext);
                    return;
                }
                await Problems.TooManyRequests(context.HttpContext, retryAfter, ProblemCodes.TooManyRequests, "Too many requests; slow down.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value)));
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        // SCIM: a company's identity provider, counted per company and client address, as its token is checked later
        // (so nobody without the token can use up the company's share).
        if (context.Request.Path.StartsWithSegments("/scim"))
        {
            return Window($"scim:{context.GetRouteValue("companyId")}:{context.Connection.RemoteIpAddress}", limits.PerUserPerSecond);
        }
        // Probes and scrapes (/health, /alive, /metrics) are not API traffic.
        if (!context.Request.Path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("probes");

        // A company token is counted on its own, not against the admin it acts through.
        var (key, permits) = context.User.Identity?.IsAuthenticated == true
            ? (ApiTokenAuthenticationHandler.IsCompanyToken(context.User)
                ? "company-token:" + context.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)!.Value
                : "user:" + context.User.UserId().ToString(), limits.PerUserPerSecond)
            : ("client:" + context.Connection.RemoteIpAddress, limits.PerAnonymousClientPerSecond);
        return Window(key, permits);
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });

    /// <summary>Whole seconds, rounded up, as Retry-After wants them.</summary>
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
