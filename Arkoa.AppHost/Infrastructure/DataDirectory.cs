using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>Where the local mode keeps its servers' data (Postgres cluster, Prometheus TSDB).</summary>
public static class DataDirectory
{
    public const string ConfigurationKey = "Arkoa:DataDir";

    /// <summary>
    /// <c>Arkoa:DataDir</c> when set; otherwise <c>.data</c> beside the AppHost project. As root, Postgres runs as the
    /// postgres user, which must be able to reach the folder: a checkout under a private home (/root) cannot be
    /// reached, so the data then goes to /var/lib/arkoa/&lt;checkout-hash&gt; instead.
    /// </summary>
    public static string Resolve(IConfiguration configuration, string appHostDirectory)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured) return Path.GetFullPath(configured);

        var beside = Path.GetFullPath(Path.Combine(appHostDirectory, ".data"));
        if (!RootDrop.IsRoot || OthersCanTraverse(appHostDirectory)) return beside;

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(beside)))[..12].ToLowerInvariant();
        return Path.Combine("/var/lib/arkoa", hash);
    }

    private static bool OthersCanTraverse(string directory)
    {
        if (OperatingSystem.IsWindows()) return true;
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if ((current.UnixFileMode & UnixFileMode.OtherExecute) == 0) return false;
        }
        return true;
    }
}
