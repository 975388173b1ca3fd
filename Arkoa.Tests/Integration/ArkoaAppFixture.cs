using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arkoa.Tests.Integration;

/// <summary>
/// One real AppHost (local infrastructure mode: Postgres, Redis, smtp4dev, Prometheus as processes) for every
/// integration test of the run, with its own throw-away data folder. Tests make their own users and companies, so the
/// test classes share it side by side: each class takes this fixture as a class fixture (its own parallel collection);
/// the first one to start starts the AppHost, which stops when the test process exits. Only the classes that stop a
/// server or act on every company at once (<see cref="AppCollection"/>) run alone, after the others.
/// </summary>
public sealed class ArkoaAppFixture : IAsyncLifetime, IArkoaApi
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8); // generous: a loaded CI machine can be slow to start a dozen processes
    private static readonly Lazy<Task<DistributedApplication>> Shared = new(StartSharedAsync);

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await Shared.Value;

    /// <summary>Starts the shared AppHost without waiting for it (the run's orderer does, before the first class needs it).</summary>
    public static void StartInBackground() => _ = Task.Run(() => Shared.Value);

    // The AppHost outlives each class: it stops with the test process (StartSharedAsync).
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<DistributedApplication> StartSharedAsync()
    {
        var dataDirectory = TestDataDirectory.Create("apphost");
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Arkoa_AppHost>(
            // Two Worker replicas throughout: every mail and job test also shows nothing is done twice.
            [$"--Arkoa:DataDir={dataDirectory}", "--Arkoa:Infrastructure=local", "--Arkoa:WorkerReplicas=2",
                $"--Parameters:web-key={AccountTestKit.WebKey}"], timeout.Token);
        // Health checks fail by design while resources start and stop; hundreds of those lines would bury the test results.
        builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        // Each test client says who it is by its bearer token only: no cookie jar shared between clients.
        builder.Services.ConfigureHttpClientDefaults(http =>
            http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false }));
        // Retries come quickly in tests, so "not lost, retried" is observable in seconds.
        builder.CreateResourceBuilder<ProjectResource>("worker")
            .WithEnvironment("Outbox__PollInterval", "00:00:00.500")
            .WithEnvironment("Outbox__FirstRetryDelay", "00:00:01")
            .WithEnvironment("Outbox__MaxRetryDelay", "00:00:02")
            // With retries every 2 s, ten attempts would dead-letter a mail while a slow machine restarts the SMTP server.
            .WithEnvironment("Outbox__MaxAttempts", "1000")
            // Backups are taken on demand by their tests, not by the schedule in the middle of other tests.
            .WithEnvironment("Backup__Schedule", "")
            // Ledger checks likewise run on demand in their tests (tampered ledgers would otherwise be reported meanwhile).
            .WithEnvironment("Jobs__Schedules__ledger-verify", "")
            // And the webhook retention job, whose test chooses its days.
            .WithEnvironment("Jobs__Schedules__webhook-retention", "")
            // Webhook tests post to a receiver on loopback in the test process, and watch retries and dead letters in seconds.
            .WithEnvironment("Webhooks__AllowPrivateTargets", "true")
            .WithEnvironment("Webhooks__PollInterval", "00:00:00.200")
            .WithEnvironment("Webhooks__FirstRetryDelay", "00:00:01")
            .WithEnvironment("Webhooks__MaxRetryDelay", "00:00:02")
            .WithEnvironment("Webhooks__MaxAttempts", "4");

        // The suite drives one user hard (table-driven cases back to back); the per-user limit itself is tested
        // by the replica collection with the production value. The benchmark's baseline endpoint is mapped for BenchSmokeTests.
        // All of the suite's sign-ups and sign-ins come from this machine's one address: the per-client auth limit is
        // tested by the replica collection with the production value.
        builder.CreateResourceBuilder<ProjectResource>("api").WithEnvironment("RateLimits__PerUserPerSecond", "10000")
            .WithEnvironment("RateLimits__AuthAttemptsPerClientPerMinute", "1000000")
            // Longer than any request takes on a loaded machine, so "too soon" is always too soon (production: 1 s).
            .WithEnvironment("RateLimits__SignInFirstDelay", AccountTestKit.SignInFirstDelay.ToString())
            .WithEnvironment("Arkoa__Bench__Enabled", "true")
            .WithEnvironment("Webhooks__AllowPrivateTargets", "true")
            .WithEnvironment("PasswordHasher__IterationCount", AccountTestKit.HashIterations.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var app = await builder.BuildAsync(timeout.Token);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(app, dataDirectory);
        ServiceLogFiles.Follow(app);
        await app.StartAsync(timeout.Token);
        foreach (var resource in new[] { "postgres", "redis", "smtp", "api", "web", "worker", "prometheus" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
        return app;
    }

    private static void Stop(DistributedApplication app, string dataDirectory)
    {
        app.StopAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        TestDataDirectory.TryDelete(dataDirectory);
    }

    public HttpClient Api() => App.CreateHttpClient("api", "http");

    public HttpClient Client(string resource) => App.CreateHttpClient(resource, "http");

    public SmtpInbox Inbox() => new(App.CreateHttpClient("smtp", "http"));

    public async Task<string?> DatabaseConnectionStringAsync() => await App.GetConnectionStringAsync("arkoa");

    /// <summary>Stops a resource and returns once it has stopped, so a following start cannot race the stop.</summary>
    public async Task StopAsync(string resource)
    {
        await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, timeout.Token);
    }

    public async Task StartAsync(string resource)
    {
        await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        // A restarted smtp4dev restores its tool and compiles itself again: over a minute on a loaded 2-core machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // Right after the command the last state seen can still be the stopped one, which the default behaviour takes
        // for "failed to start" (a flaky failure in CI): wait through it until the new process is healthy.
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
    }
}

/// <summary>
/// The test classes that stop a server (the database, Redis, the SMTP server, Worker replicas) or run a job over every
/// company: on the shared AppHost, one at a time, after the parallel collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection : ICollectionFixture<ArkoaAppFixture>
{
    public const string Name = "Arkoa AppHost";
}
