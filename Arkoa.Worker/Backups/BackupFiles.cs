using System.Globalization;

namespace Arkoa.Worker.Backups;

/// <summary>
/// Backups are named arkoa-yyyyMMddTHHmmssZ.dump after the instant of their snapshot. A dump is written as
/// *.dump.partial and renamed only once its restore check passed, so every *.dump in the folder is a verified backup.
/// Files not named this way are never touched.
/// </summary>
public static class BackupFiles
{
    private const string Prefix = "arkoa-";
    public const string Extension = ".dump";
    public const string PartialSuffix = ".partial";
    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    public sealed record Entry(string Path, DateTime TakenAt, long SizeBytes);

    public static string NameFor(DateTime takenAtUtc) =>
        Prefix + takenAtUtc.ToString(StampFormat, CultureInfo.InvariantCulture) + Extension;

    /// <summary>The verified backups in <paramref name="directory"/>, newest first.</summary>
    public static List<Entry> List(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) return [];
        return new DirectoryInfo(directory).EnumerateFiles(Prefix + "*" + Extension)
            .Select(f => TryParse(f.Name, out var takenAt) ? new Entry(f.FullName, takenAt, f.Length) : null)
            .OfType<Entry>()
            .OrderByDescending(e => e.TakenAt)
            .ToList();
    }

    public static bool TryParse(string fileName, out DateTime takenAtUtc)
    {
        takenAtUtc = default;
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(Extension, StringComparison.Ordinal)) return false;
        var stamp = fileName[Prefix.Length..^Extension.Length];
        return DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out takenAtUtc);
    }

    /// <summary>Deletes the verified backups taken before <paramref name="olderThanUtc"/>, except <paramref name="keep"/>.</summary>
    public static List<string> ApplyRetention(string directory, DateTime olderThanUtc, string keep)
    {
        var deleted = new List<string>();
        foreach (var entry in List(directory).Where(e => e.TakenAt < olderThanUtc && e.Path != keep))
        {
            File.Delete(entry.Path);
            deleted.Add(System.IO.Path.GetFileName(entry.Path));
        }
        return deleted;
    }

    /// <summary>Removes dumps a crashed run left half-written (only one backup runs at a time: see BackupRunner).</summary>
    public static void DeletePartials(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) return;
        foreach (var partial in System.IO.Directory.EnumerateFiles(directory, Prefix + "*" + Extension + PartialSuffix))
        {
            File.Delete(partial);
        }
    }
}
