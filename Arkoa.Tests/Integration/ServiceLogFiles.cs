using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Arkoa.Tests.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Keeps what the test AppHosts' Api, Web and Worker write to their consoles in
/// TestResults/logs/run-&lt;test process id&gt;/app-&lt;nn&gt;/&lt;instance&gt;.log
/// (ignored by git, beside test.sh's TestResults/test-output.log), so a 500 or a timeout a test meets can be explained from the
/// server's side.
/// </summary>
public static class ServiceLogFiles
{
    public static readonly string[] Services = ["api", "web", "worker"];

    private static int _started;

    /// <summary>
    /// Follows the services' logs into files until the app stops, in a folder named after this test process; the folders
    /// of test processes that no longer run go first (the last run's logs stay until the next run starts).
    /// </summary>
    public static string Follow(DistributedApplication app)
    {
        var root = Path.Combine(Repository.Root, "TestResults", "logs");
        foreach (var old in Directory.Exists(root) ? Directory.EnumerateDirectories(root, "run-*") : [])
        {
            if (int.TryParse(Path.GetFileName(old)["run-".Length..], out var pid) && !TestDataDirectory.IsRunning(pid))
            {
                Directory.Delete(old, recursive: true);
            }
        }
        // One folder per AppHost the run starts: their resources' ids repeat from one AppHost to the next, so shared
        // files would be overwritten by the next class's AppHost and lose the logs of the one a failure happened in.
        var directory = Path.Combine(root, $"run-{Environment.ProcessId}", $"app-{Interlocked.Increment(ref _started):D2}");
        Directory.CreateDirectory(directory);
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        // Each replica (and each restart) has its own resource id (api-abc123…): one file per id, followed from when it appears.
        _ = Task.Run(async () =>
        {
            var followed = new HashSet<string>();
            await foreach (var change in app.ResourceNotifications.WatchAsync())
            {
                if (!Services.Contains(change.Resource.Name) || !followed.Add(change.ResourceId)) continue;
                var id = change.ResourceId;
                _ = Task.Run(async () =>
                {
                    await using var file = new StreamWriter(Path.Combine(directory, $"{id}.log"), append: false) { AutoFlush = true };
                    await foreach (var batch in logs.WatchAsync(id))
                    {
                        foreach (var line in batch) await file.WriteLineAsync(line.Content);
                    }
                });
            }
        });
        return directory;
    }
}
