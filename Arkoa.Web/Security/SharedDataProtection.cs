using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Arkoa.Web.Security;

/// <summary>
/// The auth cookie and the antiforgery tokens are encrypted with Data Protection keys. Every Web replica reads
/// and writes the same key ring in Redis under one application name, so a cookie issued by one replica opens on
/// any other and keys survive restarts. (Redis is password-protected and private; the keys are not encrypted
/// at rest there, so treat its data as secret.)
/// </summary>
public static class SharedDataProtection
{
    public const string ApplicationName = "Arkoa.Web";
    public const string RedisKey = "arkoa:web:data-protection-keys";

    public static IHostApplicationBuilder AddSharedDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        // Uses the multiplexer that AddRedisClient registered (with its health check and telemetry).
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), RedisKey));
        return builder;
    }
}
