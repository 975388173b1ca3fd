using System.Globalization;

namespace Arkoa.Bench;

/// <summary>The Api's memory, read from Linux's /proc: working set now (VmRSS) and its peak (VmHWM).</summary>
public static class ProcessMemory
{
    /// <summary>The Api process listening on <paramref name="port"/> (its ASPNETCORE_URLS names it), not the `dotnet run` above it.</summary>
    public static (int Pid, long RssMb, long PeakMb)? Api(int port)
    {
        if (!Directory.Exists("/proc")) return null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var isApi = arguments[0].EndsWith("/Arkoa.Api", StringComparison.Ordinal)
                    || arguments.Any(a => a.EndsWith("Arkoa.Api.dll", StringComparison.Ordinal));
                if (!isApi) continue;
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (!environment.Any(e => e.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal) && e.Contains($":{port}", StringComparison.Ordinal))) continue;
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                return (pid, Kilobytes(status, "VmRSS:") / 1024, Kilobytes(status, "VmHWM:") / 1024);
            }
            catch (IOException) { /* the process ended while being read */ }
            catch (UnauthorizedAccessException) { /* another user's process */ }
        }
        return null;
    }

    private static long Kilobytes(string[] status, string key) =>
        status.Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
}
