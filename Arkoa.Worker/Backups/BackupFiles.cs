using System.Globalization;
using System.Security.Cryptography;

namespace Arkoa.Worker.Backups;

/// <summary>
/// Backups are named arkoa-yyyyMMddTHHmmss.fffZ-&lt;8 random hex&gt;.dump.gpg after the instant of their snapshot: the random
/// part makes every name unique, so a scheduled backup meeting a manual one in the same instant (or on a replica whose clock
/// is behind) never finds its name taken. A backup is written as *.partial and renamed only once its restore check passed,
/// so every such name in the folder is a verified backup. The folder is the Worker's alone (0700) and every file is
/// readable by its owner only (0600). Files not named this way are never touched, except the plain backups of earlier
/// versions (arkoa-yyyyMMddTHHmmssZ.dump), which retention deletes like the others.
/// </summary>
public static class BackupFiles
{
    private const string Prefix = "arkoa-";
    public const string Extension = ".dump.gpg";
    public const string PartialSuffix = ".partial";
    private const string StampFormat = "yyyyMMdd'T'HHmmss'.'fff'Z'";
    private const int UniqueLength = 8;
    private const string LegacyExtension = ".dump";
    private const string LegacyStampFormat = "yyyyMMdd'T'HHmmss'Z'";

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <param name="Encrypted">False for a plain backup left by an earlier version.</param>
    public sealed record Entry(string Path, DateTime TakenAt, long SizeBytes, bool Encrypted);

    public static string NameFor(DateTime takenAtUtc) =>
        Prefix + takenAtUtc.ToString(StampFormat, CultureInfo.InvariantCulture) + "-"
        + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(UniqueLength / 2)) + Extension;

    /// <summary>The backup folder, created or narrowed to its owner.</summary>
    public static string PrepareDirectory(string directory)
    {
        var path = System.IO.Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, FolderMode); // a folder made before is narrowed too
        return path;
    }

    /// <summary>A new file only its owner can read; never one that exists already.</summary>
    public static FileStream CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    /// <summary>The verified backups in <paramref name="directory"/>, newest first.</summary>
    public static List<Entry> List(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) return [];
        return new DirectoryInfo(directory).EnumerateFiles(Prefix + "*")
            .Select(f => TryParse(f.Name, out var takenAt, out var encrypted) ? new Entry(f.FullName, takenAt, f.Length, encrypted) : null)
            .OfType<Entry>()
            .OrderByDescending(e => e.TakenAt).ThenByDescending(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    public static bool TryParse(string fileName, out DateTime takenAtUtc, out bool encrypted)
    {
        takenAtUtc = default;
        encrypted = fileName.EndsWith(Extension, StringComparison.Ordinal);
        string stamp, format;
        if (encrypted)
        {
            var rest = fileName.StartsWith(Prefix, StringComparison.Ordinal) ? fileName[Prefix.Length..^Extension.Length] : "";
            var dash = rest.LastIndexOf('-');
            if (dash < 0 || rest.Length - dash - 1 != UniqueLength || !rest[(dash + 1)..].All(char.IsAsciiHexDigitLower)) return false;
            (stamp, format) = (rest[..dash], StampFormat);
        }
        else if (fileName.StartsWith(Prefix, StringComparison.Ordinal) && fileName.EndsWith(LegacyExtension, StringComparison.Ordinal))
        {
            (stamp, format) = (fileName[Prefix.Length..^LegacyExtension.Length], LegacyStampFormat);
        }
        else
        {
            return false;
        }
        return DateTime.TryParseExact(stamp, format, CultureInfo.InvariantCulture,
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

    /// <summary>Removes backups a crashed run left half-written (only one backup runs at a time: see BackupRunner).</summary>
    public static void DeletePartials(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) return;
        foreach (var partial in System.IO.Directory.EnumerateFiles(directory, Prefix + "*" + PartialSuffix))
        {
            File.Delete(partial);
        }
    }
}
