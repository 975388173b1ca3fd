using System.Diagnostics;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The throw-away data folders of the test AppHosts (database clusters, mail, backups) in /tmp, named after the test
/// process. A folder is removed when its AppHost stops, but the servers may still be writing their last files then, and
/// a killed run removes nothing: each new folder first sweeps the folders of test processes that no longer run.
/// </summary>
internal static class TestDataDirectory
{
    private const string Prefix = "arkoa-test-run-";

    public static string Create(string purpose)
    {
        SweepLeftovers();
        var path = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); }
        catch (IOException) { /* a server is still releasing a file: the next run's sweep removes the folder */ }
        catch (UnauthorizedAccessException) { }
    }

    private static void SweepLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var name = Path.GetFileName(folder)[Prefix.Length..];
            if (int.TryParse(name.Split('-')[0], out var pid) && !IsRunning(pid)) TryDelete(folder);
        }
    }

    internal static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
