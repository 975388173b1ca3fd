namespace Arkoa.AppHost.Infrastructure;

/// <summary>Finds the Debian-packaged programs the local mode runs, or says which package to install.</summary>
public static class LocalBinaries
{
    /// <summary>
    /// Checks, before anything is started or written, that every program the local mode runs is installed,
    /// so a missing one stops the AppHost with one line instead of half a system.
    /// </summary>
    public static void VerifyLocalMode()
    {
        PostgresBinDirectory();
        OnPath("redis-server", "redis-server");
        OnPath("prometheus", "prometheus");
        if (RootDrop.IsRoot)
        {
            OnPath("setpriv", "util-linux");
            OnPath("chown", "coreutils");
        }
    }

    /// <summary>The newest PostgreSQL server installed by Debian's postgresql package.</summary>
    public static string PostgresBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var binDirectory = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Directory, "postgres")) && File.Exists(Path.Combine(d.Directory, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Directory)
                .FirstOrDefault()
            : null;
        return binDirectory ?? throw Missing("PostgreSQL server", "postgresql");
    }

    public static string OnPath(string program, string debianPackage)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
        return path ?? throw Missing(program, debianPackage);
    }

    private static MissingPrerequisiteException Missing(string what, string package) =>
        new($"Arkoa local mode needs {what}, which is not installed: run `sudo apt-get install -y {package}` (or start Docker to use containers).");
}
