using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Worker's replicas as processes of this test run's AppHost: found through /proc by the database connection
/// string in their environment (unique to this AppHost), killed hard (SIGKILL, as a crash), started again by Aspire.
/// </summary>
public sealed class WorkerProcesses(ArkoaAppFixture app)
{
    private IResource Resource => app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "worker");

    /// <summary>The replicas the fixture asks for (--Arkoa:WorkerReplicas).</summary>
    public const int Replicas = 2;

    /// <summary>The replicas' resource ids (e.g. worker-abcd1234), which commands and notifications use.</summary>
    public async Task<IReadOnlyList<string>> InstanceNamesAsync()
    {
        var ids = new HashSet<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            // The watch starts with the current state of every resource instance.
            await foreach (var e in app.App.ResourceNotifications.WatchAsync(timeout.Token))
            {
                if (e.Resource.Name == Resource.Name && ids.Add(e.ResourceId) && ids.Count == Replicas) break;
            }
        }
        catch (OperationCanceledException)
        {
            // fewer instances than expected: the caller's assertion says so
        }
        return ids.Order().ToList();
    }

    public async Task<IReadOnlyList<int>> PidsAsync()
    {
        // The Worker's own connection string: the application role's, with a password generated for this AppHost.
        var marker = $"ConnectionStrings__arkoa={await app.ConnectionStringAsync("worker", "arkoa")}";
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                var commandLine = await File.ReadAllTextAsync(Path.Combine(directory, "cmdline"));
                if (!commandLine.Contains("Arkoa.Worker", StringComparison.Ordinal)) continue;
                var environment = (await File.ReadAllTextAsync(Path.Combine(directory, "environ"))).Split('\0');
                if (environment.Contains(marker)) pids.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended while we looked
            }
        }
        return pids;
    }

    public async Task KillAllAsync()
    {
        // Each replica may be a launcher and the app it runs: both go, as in a crash of the machine's service.
        var pids = await PidsAsync();
        Assert.True(pids.Count >= Replicas, $"Found {pids.Count} Worker processes for {Replicas} replicas.");
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(); // SIGKILL: no graceful shutdown, no chance to commit
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // already gone with its launcher
            }
        }
    }

    /// <summary>Starts every instance again and waits until each is healthy (the proxy then reaches them all).</summary>
    public async Task StartAllAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var instances = await InstanceNamesAsync();
        Assert.Equal(Replicas, instances.Count);
        foreach (var instance in instances)
        {
            await app.App.ResourceNotifications.WaitForResourceAsync(Resource.Name,
                e => e.ResourceId == instance && KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        }
        var commands = app.App.Services.GetRequiredService<ResourceCommandService>();
        foreach (var instance in instances)
        {
            var result = await commands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, timeout.Token);
            Assert.True(result.Success, result.Message);
        }
        foreach (var instance in instances)
        {
            await app.App.ResourceNotifications.WaitForResourceAsync(Resource.Name,
                e => e.ResourceId == instance && e.Snapshot.HealthStatus == HealthStatus.Healthy, timeout.Token);
        }
    }
}
