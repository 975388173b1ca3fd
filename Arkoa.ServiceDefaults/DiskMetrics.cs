using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// arkoa_disk_free_bytes and arkoa_disk_size_bytes of the service's content root, read at each scrape,
/// so the disk alert works wherever the services run (no node exporter needed).
/// </summary>
internal static class DiskMetrics
{
    private static readonly Meter Meter = new(ServiceDefaultsExtensions.ArkoaMeterName);
    private static string? _path;

    static DiskMetrics()
    {
        Meter.CreateObservableGauge("arkoa.disk.free", () => Measure(d => d.FreeBytes), unit: "By",
            description: "Free space of the file system holding the service's content root.");
        Meter.CreateObservableGauge("arkoa.disk.size", () => Measure(d => d.TotalBytes), unit: "By",
            description: "Size of the file system holding the service's content root.");
    }

    public static void Watch(string path) => _path = path;

    private static IEnumerable<Measurement<long>> Measure(Func<DiskSpace, long> value)
    {
        if (_path is null) return [];
        try
        {
            return [new Measurement<long>(value(DiskSpace.Of(_path)))];
        }
        catch (IOException)
        {
            return []; // the file system vanished (unmounted volume): report nothing rather than a wrong number
        }
    }
}
