using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arkoa.Tests.Integration;

/// <summary>
/// A second AppHost with two replicas of the Api and of the Web (<c>--Arkoa:Replicas=2</c>), to prove they are
/// stateless. Its settings differ from production on purpose: a small per-user limit so one test can reach it,
/// and request logging switched on (as an operator might) so the log scan sees the lines most likely to leak.
/// </summary>
public sealed class ReplicaAppFixture : IAsyncLifetime
{
    // Small enough for one test to reach (production: 100), yet above what one Web page asks of the Api in a second:
    // at 5, a fast Api let two page loads in the same second run into it and fail the Web replica test.
    public const int PerUserPerSecond = 20;
    // Generous: two replicas of two services start on a shared two-core machine.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);
    private readonly string _dataDirectory = TestDataDirectory.Create("replicas");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly CancellationTokenSource _stopWatching = new();
    private Task _watching = Task.CompletedTask;

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Arkoa_AppHost>(
            [$"--Arkoa:DataDir={_dataDirectory}", "--Arkoa:Infrastructure=local", "--Arkoa:Replicas=2",
                $"--Parameters:web-key={AccountTestKit.WebKey}"], timeout.Token);
        // Health checks fail by design while resources start and stop; hundreds of those lines would bury the test results.
        builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        builder.Services.ConfigureHttpClientDefaults(http =>
            http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false }));
        foreach (var service in new[] { "api", "web" })
        {
            // Category names hold dots, which environment variable names had better not: command-line settings.
            builder.CreateResourceBuilder<ProjectResource>(service)
                .WithArgs("--Logging:LogLevel:Microsoft.AspNetCore=Information", "--Logging:LogLevel:System.Net.Http=Information");
        }
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("RateLimits__PerUserPerSecond", PerUserPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture))
            // Longer than any request takes on a loaded machine, so "too soon" is always too soon (production: 1 s).
            .WithEnvironment("RateLimits__SignInFirstDelay", AccountTestKit.SignInFirstDelay.ToString())
            .WithEnvironment("PasswordHasher__IterationCount", AccountTestKit.HashIterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.CreateResourceBuilder<ProjectResource>("worker").WithEnvironment("Outbox__PollInterval", "00:00:00.500");

        App = await builder.BuildAsync(timeout.Token);
        try
        {
            await App.StartAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"The replicated AppHost did not start within {StartTimeout}: {States()}", e);
        }
        // The latest state of every replica (each has its own resource id under the one resource name).
        _watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in App.ResourceNotifications.WatchAsync(_stopWatching.Token)) _latest[update.ResourceId] = update;
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        });
        foreach (var resource in new[] { "postgres", "redis", "smtp", "api", "web", "worker" })
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
        foreach (var service in new[] { "api", "web" })
        {
            while (ReplicaAddresses(service).Count < 2)
            {
                await ThrowIfAReplicaStoppedAsync(service);
                await Task.Delay(250, timeout.Token);
            }
            foreach (var replica in Replicas(service)) await WaitUntilHealthyAsync(service, replica, timeout.Token);
        }
    }

    private string States() => string.Join("; ", new[] { "postgres", "redis", "smtp", "api", "web", "worker" }.Select(name =>
        App.ResourceNotifications.TryGetCurrentState(name, out var state)
            ? $"{name} {state.Snapshot.State?.Text} {state.Snapshot.HealthStatus}"
            : $"{name} unknown"));

    public HttpClient Api() => App.CreateHttpClient("api", "http");

    public SmtpInbox Inbox() => new(App.CreateHttpClient("smtp", "http"));

    public IResource Resource(string name) =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    /// <summary>
    /// Each replica's own address, bypassing the proxy: the port Aspire handed that replica (ASPNETCORE_URLS
    /// in its environment snapshot), so a test decides which replica answers.
    /// </summary>
    public IReadOnlyList<Uri> Replicas(string service)
    {
        var addresses = ReplicaAddresses(service);
        Assert.True(addresses.Count == 2, $"Expected two {service} replicas, found: {string.Join(", ", addresses)}");
        return addresses;
    }

    private List<Uri> ReplicaAddresses(string service) =>
        _latest.Values
            .Where(e => e.Resource.Name == service)
            .Select(e => e.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value)
            .OfType<string>()
            .Select(urls => new Uri(urls.Split(';').First(u => u.StartsWith("http://", StringComparison.Ordinal))))
            .Distinct()
            .OrderBy(u => u.Port)
            .ToList();

    private async Task WaitUntilHealthyAsync(string service, Uri replica, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = replica, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Still starting.
            }
            await ThrowIfAReplicaStoppedAsync(service);
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>A replica that stopped will never be healthy: fail now, with the end of its console output.</summary>
    private async Task ThrowIfAReplicaStoppedAsync(string service)
    {
        string[] stoppedStates = [KnownResourceStates.Exited, KnownResourceStates.FailedToStart, KnownResourceStates.Finished];
        var stopped = _latest.Values.FirstOrDefault(e => e.Resource.Name == service && stoppedStates.Contains(e.Snapshot.State?.Text));
        if (stopped is null) return;
        var lines = new List<string>();
        await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(stopped.ResourceId))
        {
            lines.AddRange(batch.Select(l => l.Content));
        }
        throw new InvalidOperationException(
            $"Replica {stopped.ResourceId} stopped ({stopped.Snapshot.State?.Text}):\n{string.Join("\n", lines.TakeLast(40))}");
    }

    public async Task DisposeAsync()
    {
        await _stopWatching.CancelAsync();
        await _watching;
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        TestDataDirectory.TryDelete(_dataDirectory);
    }
}

/// <summary>Runs after the parallel collections (so two AppHosts never compete for the two cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaAppFixture>
{
    public const string Name = "Arkoa AppHost with replicas";
}
