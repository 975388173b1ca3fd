using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>redis-server from the Debian package, on a loopback port, with a password like Aspire's Redis container.</summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public ParameterResource Password { get; } = password;
    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{Endpoint.Property(EndpointProperty.Host)}:{Endpoint.Property(EndpointProperty.Port)},password={Password}");
}

public static class LocalRedisBuilderExtensions
{
    /// <summary>A Redis for caches and shared state: nothing is persisted to disk.</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var redisServer = LocalBinaries.OnPath("redis-server", "redis-server");
        Directory.CreateDirectory(dataDirectory);

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        builder.Configuration[$"Parameters:{name}-password"] = password;
        var passwordParameter = builder.AddParameter($"{name}-password", secret: true);

        var port = FreePort.Next();
        var healthCheckKey = $"{name}-ready";
        builder.Services.AddHealthChecks().AddRedis($"127.0.0.1:{port},password={password},connectTimeout=2000", name: healthCheckKey);

        return builder.AddResource(new LocalRedisResource(name, redisServer, dataDirectory, passwordParameter.Resource))
            .WithArgs("--port", port.ToString(), "--bind", "127.0.0.1", "--dir", dataDirectory,
                "--save", "", "--appendonly", "no", "--requirepass", passwordParameter.Resource)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalRedisResource.EndpointName, isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Memory");
    }
}
