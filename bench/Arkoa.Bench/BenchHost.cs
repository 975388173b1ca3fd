using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arkoa.Bench;

/// <summary>
/// Starts the whole system through the AppHost in local mode, in a throw-away data folder, configured for a benchmark:
/// the baseline endpoint mapped, the per-user and per-client request limits lifted (the sign-in limit is kept:
/// each user signs in once), the Api in Production settings, and its HTTP endpoint not behind Aspire's proxy so the
/// load reaches Kestrel directly as it would behind a real load balancer.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly DistributedApplication _app;

    private BenchHost(string dataDirectory, DistributedApplication app, Uri api, string connectionString, int port)
    {
        Port = port;
        _dataDirectory = dataDirectory;
        _app = app;
        Api = api;
        ConnectionString = connectionString;
    }

    public Uri Api { get; }
    public string ConnectionString { get; }

    /// <summary>The port the Api listens on (it finds the Api's process for the memory figures).</summary>
    public int Port { get; }

    public static async Task<BenchHost> StartAsync(Action<string> output, bool logSql, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"arkoa-bench-{Guid.NewGuid():N}");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Arkoa_AppHost>(
            [$"--Arkoa:DataDir={dataDirectory}", "--Arkoa:Infrastructure=local"], cancellationToken);
        // The AppHost's own log is about starting resources (health checks fail until each is up): warnings only.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Arkoa.AppHost.Resources", LogLevel.None)
            .AddFilter("Arkoa.AppHost.Resources.api", logSql ? LogLevel.Information : LogLevel.None));
        var port = FreePort();
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            .WithEnvironment("Arkoa__Bench__Enabled", "true")
            .WithEnvironment("RateLimits__PerUserPerSecond", "1000000")
            .WithEnvironment("RateLimits__PerAnonymousClientPerSecond", "1000000")
            // Every benchmark user signs in from this one machine.
            .WithEnvironment("RateLimits__AuthAttemptsPerClientPerMinute", "1000000")
            .WithEndpoint("http", e =>
            {
                e.IsProxied = false;
                e.Port = port;
                e.TargetPort = port;
            });
        if (logSql)
        {
            // Shows every SQL statement the Api sends (for the explain plans of docs/performance.md); never during a measurement.
            builder.CreateResourceBuilder<ProjectResource>("api")
                .WithEnvironment("Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command", "Information");
        }
        // Aspire points every service's OTLP exporter at the dashboard, which a test host does not start: the exporters
        // would spend the measurement retrying a dead endpoint. Metrics stay on /metrics; traces are created, not sent.
        foreach (var service in new[] { "api", "web", "worker" })
        {
            builder.CreateResourceBuilder<ProjectResource>(service)
                .WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        // No scheduled backup in the middle of a measurement.
        builder.CreateResourceBuilder<ProjectResource>("worker").WithEnvironment("Backup__Schedule", "");
        var app = await builder.BuildAsync(cancellationToken);
        output($"host: starting the AppHost (local mode) in {dataDirectory}");
        await app.StartAsync(cancellationToken);
        foreach (var resource in new[] { "postgres", "redis", "api", "worker" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
        }
        var connectionString = await app.GetConnectionStringAsync("arkoa", cancellationToken)
            ?? throw new InvalidOperationException("The AppHost gave no connection string for 'arkoa'.");
        var api = new Uri($"http://127.0.0.1:{port}");
        output($"host: Api at {api}");
        return new BenchHost(dataDirectory, app, api, connectionString, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* a server may still be releasing a file; the folder is in the temp directory */ }
        catch (UnauthorizedAccessException) { /* files owned by the postgres user when run as root: left in the temp directory */ }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
