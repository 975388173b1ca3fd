extern alias ArkoaWorker;

using System.Runtime.Versioning;
using ArkoaWorker::Arkoa.Worker.Backups;

namespace Arkoa.Tests.Unit;

[SupportedOSPlatform("linux")]
public sealed class BackupFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("arkoa-backup-files-").FullName;
    private static readonly DateTime Instant = new(2027, 1, 1, 2, 30, 0, 123, DateTimeKind.Utc);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Two_backups_taken_in_the_same_instant_get_different_names_that_both_give_that_instant_back()
    {
        var first = BackupFiles.NameFor(Instant);
        var second = BackupFiles.NameFor(Instant);

        Assert.NotEqual(first, second);
        foreach (var name in new[] { first, second })
        {
            Assert.Matches(@"^arkoa-20270101T023000\.123Z-[0-9a-f]{8}\.dump\.gpg$", name);
            Assert.True(BackupFiles.TryParse(name, out var takenAt, out var encrypted));
            Assert.Equal(Instant, takenAt);
            Assert.True(encrypted);
        }
    }

    [Fact]
    public void The_list_holds_encrypted_and_earlier_plain_backups_newest_first_and_nothing_else()
    {
        var newest = Touch(BackupFiles.NameFor(Instant));
        var sameSecondEarlier = Touch(BackupFiles.NameFor(Instant.AddMilliseconds(-100)));
        var plain = Touch("arkoa-20261231T023000Z.dump");
        Touch("arkoa-20261230T023000Z.dump.gpg"); // not a name this Worker gives
        Touch("arkoa-20270101T023000.123Z-xyz.dump.gpg");
        Touch(BackupFiles.NameFor(Instant) + BackupFiles.PartialSuffix);
        Touch("notes.txt");

        var listed = BackupFiles.List(_directory);

        Assert.Equal([newest, sameSecondEarlier, plain], listed.Select(e => e.Path));
        Assert.Equal([true, true, false], listed.Select(e => e.Encrypted));
    }

    [Fact]
    public void Retention_deletes_old_backups_plain_ones_included_and_keeps_the_new_one_and_other_files()
    {
        var keep = Touch(BackupFiles.NameFor(Instant.AddDays(-30))); // the backup just made, however its clock was set
        var old = Touch(BackupFiles.NameFor(Instant.AddDays(-8)));
        var oldPlain = Touch("arkoa-20261220T023000Z.dump");
        var recent = Touch(BackupFiles.NameFor(Instant.AddDays(-6)));
        var notes = Touch("notes.txt");

        var deleted = BackupFiles.ApplyRetention(_directory, Instant.AddDays(-7), keep);

        Assert.Equal(new[] { Path.GetFileName(old), Path.GetFileName(oldPlain) }.Order(), deleted.Order());
        Assert.All([keep, recent, notes], path => Assert.True(File.Exists(path)));
        Assert.All([old, oldPlain], path => Assert.False(File.Exists(path)));
    }

    [Fact]
    public void The_folder_and_files_are_readable_by_their_owner_only_and_a_file_is_never_overwritten()
    {
        var folder = Path.Combine(_directory, "backups");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // 0755, as a umask would leave it

        BackupFiles.PrepareDirectory(folder);
        var path = Path.Combine(folder, BackupFiles.NameFor(Instant));
        using (var file = BackupFiles.CreatePrivate(path)) file.WriteByte(1);

        Assert.Equal(BackupFiles.FolderMode, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Throws<IOException>(() => BackupFiles.CreatePrivate(path));
    }

    private string Touch(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "x");
        return path;
    }
}
