namespace Microsoft.Extensions.Hosting;

/// <summary>Free and total space of the file system holding a path (the service's content root).</summary>
public sealed record DiskSpace(long FreeBytes, long TotalBytes)
{
    /// <summary>Below this share of free space the disk is "low" in /api/health; the disk alert uses the same threshold.</summary>
    public const double LowFreeRatio = 0.10;

    public double FreeRatio => TotalBytes > 0 ? (double)FreeBytes / TotalBytes : 0;

    public bool IsLow => FreeRatio < LowFreeRatio;

    /// <summary>Reads the file system of <paramref name="path"/> now (a statvfs call on Unix: cheap enough per scrape).</summary>
    public static DiskSpace Of(string path)
    {
        var drive = new DriveInfo(Path.GetFullPath(path));
        return new DiskSpace(drive.AvailableFreeSpace, drive.TotalSize);
    }
}
