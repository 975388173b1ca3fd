extern alias ArkoaWorker;

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Runtime.Versioning;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ArkoaWorker::Arkoa.Worker.Backups;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>Verified backups (SPEC §7), restored the way docs/operations.md tells operators to.</summary>
[Collection(AppCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class BackupTests(ArkoaAppFixture app)
{
    private readonly WorkerOps _ops = new(app);

    [Fact]
    public async Task A_backup_is_encrypted_owner_only_and_restored_with_gpg_has_the_row_counts_from_before_a_later_change()
    {
        var usersBefore = await _ops.ScalarAsync<long>("SELECT count(*) FROM users");
        var report = await _ops.BackupAsync();
        var file = report.GetProperty("file").GetString()!;
        Assert.True(File.Exists(file));
        Assert.EndsWith(".dump.gpg", file);
        Assert.True(report.GetProperty("sizeBytes").GetInt64() > 0);
        var counted = report.GetProperty("rowCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(usersBefore, counted["public.users"]);

        // Encrypted at rest, readable by the Worker's user only, in a folder only it can open.
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.False(bytes.AsSpan().StartsWith("PGDMP"u8), "The backup is a plain pg_dump archive.");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));

        await ApiSession.SignUpAsync(app, "After The Backup"); // the database changes after the backup
        Assert.Equal(usersBefore + 1, await _ops.ScalarAsync<long>("SELECT count(*) FROM users"));

        var source = new NpgsqlConnectionStringBuilder(await app.DatabaseConnectionStringAsync());
        var restoredName = $"arkoa_restore_test_{Guid.NewGuid():N}"[..32];
        await AdminAsync(source, $"CREATE DATABASE {restoredName}");
        try
        {
            var (exitCode, error) = await DecryptAndRestoreAsync(source, restoredName, file, await BackupKeyAsync());
            Assert.True(exitCode == 0, error);
            var restored = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = restoredName, Pooling = false };
            await using var connection = new NpgsqlConnection(restored.ConnectionString);
            await connection.OpenAsync();
            foreach (var (table, rows) in counted)
            {
                var quoted = string.Join('.', table.Split('.').Select(part => $"\"{part}\""));
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM {quoted}", connection);
                Assert.True(rows == (long)(await count.ExecuteScalarAsync())!, $"{table}: {rows} rows expected in the restored database.");
            }
        }
        finally
        {
            await AdminAsync(source, $"DROP DATABASE IF EXISTS {restoredName} WITH (FORCE)");
        }

        // Without the right key the file tells nothing.
        var (wrongKeyExit, _) = await DecryptAndRestoreAsync(source, "postgres", file, new string('0', 48), listOnly: true);
        Assert.NotEqual(0, wrongKeyExit);

        // The replicas sit behind one proxy, which picks a replica per connection: a new connection per scrape
        // until the replica that ran the backup has answered.
        var worker = app.Client("worker");
        worker.DefaultRequestHeaders.ConnectionClose = true;
        var metrics = (await PrometheusScrape.WaitForAsync(worker, s => s.Has("arkoa_backup_duration_seconds_count"))).Text;
        Assert.Contains("arkoa_backup_duration_seconds_count", metrics);
        Assert.Contains("arkoa_backup_last_success_timestamp_seconds", metrics);
        Assert.Contains("arkoa_backup_size_bytes", metrics);
    }

    [Fact]
    public async Task Two_backups_taken_at_the_same_instant_both_succeed_with_their_own_files()
    {
        // The Worker's backup as the backup role, with a clock stopped at one instant: names to the second made the second
        // backup fail with "already exists" (a scheduled backup meeting a manual one, or this suite's two backups in a row).
        var directory = Directory.CreateTempSubdirectory("arkoa-same-instant-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{BackupRunner.BackupConnectionName}"] = await app.ConnectionStringAsync("worker", "arkoa-backup"),
            }).Build();
            var options = Options.Create(new BackupOptions { Directory = directory, EncryptionKey = await BackupKeyAsync() });
            var clock = new StoppedClock(DateTimeOffset.UtcNow);
            var runner = new BackupRunner(configuration, options, new BackupStatus(options, clock), clock, NullLogger<BackupRunner>.Instance);

            var first = await runner.RunAsync(waitIfBusy: true, CancellationToken.None);
            var second = await runner.RunAsync(waitIfBusy: true, CancellationToken.None);

            Assert.Equal(first.TakenAt, second.TakenAt);
            Assert.NotEqual(first.File, second.File);
            Assert.Equal(2, BackupFiles.List(directory).Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Retention_deletes_verified_backups_older_than_the_configured_days_and_nothing_else()
    {
        var first = await _ops.BackupAsync();
        var directory = Path.GetDirectoryName(first.GetProperty("file").GetString())!;
        var now = DateTime.UtcNow;
        string Fake(int daysAgo, bool plain = false)
        {
            var name = plain ? $"arkoa-{now.AddDays(-daysAgo):yyyyMMdd'T'HHmmss'Z'}.dump" : BackupFiles.NameFor(now.AddDays(-daysAgo));
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, "not a real backup");
            return path;
        }
        // A plain backup an earlier version left is removed by retention like the others.
        var old = new[] { Fake(10), Fake(8), Fake(9, plain: true) };
        var recent = Fake(6);
        var unrelated = Path.Combine(directory, "notes.txt");
        File.WriteAllText(unrelated, "operators' notes");

        // Run from the dashboard's command on one Worker instance, as an operator would, right after the backup above.
        var instance = (await new WorkerProcesses(app).InstanceNamesAsync())[0];
        var result = await app.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(instance, "run-backup");
        Assert.True(result.Success, result.Message);

        Assert.All(old, path => Assert.False(File.Exists(path), $"{path} is older than 7 days and should be gone."));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(unrelated));
        Assert.True(File.Exists(first.GetProperty("file").GetString()));
        var listed = await (await _ops.ClientAsync()).GetFromJsonAsync<List<JsonElement>>("/ops/backups");
        Assert.DoesNotContain(listed!, b => old.Contains(b.GetProperty("file").GetString()));
        File.Delete(recent);
        File.Delete(unrelated);
    }

    private static async Task AdminAsync(NpgsqlConnectionStringBuilder source, string sql)
    {
        await using var connection = new NpgsqlConnection(source.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> BackupKeyAsync() =>
        (await app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
            .Single(p => p.Name == "backup-key").GetValueAsync(CancellationToken.None))!;

    /// <summary>
    /// docs/operations.md "Restore to a new database": gpg decrypts with the key file, pg_restore --no-owner reads the
    /// archive from the pipe. With <paramref name="listOnly"/>, pg_restore only lists what the archive holds.
    /// </summary>
    private static async Task<(int ExitCode, string Error)> DecryptAndRestoreAsync(
        NpgsqlConnectionStringBuilder source, string database, string file, string key, bool listOnly = false)
    {
        var scratch = Directory.CreateTempSubdirectory("arkoa-restore-").FullName;
        var gnupgHome = Path.Combine(scratch, "gnupg");
        Directory.CreateDirectory(gnupgHome, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var keyFile = Path.Combine(scratch, "backup-key");
        await File.WriteAllTextAsync(keyFile, key);
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_restore"))).Max()!;
        var restore = listOnly ? "\"$PGBIN/pg_restore\" --list" : "\"$PGBIN/pg_restore\" --no-owner --no-privileges --exit-on-error --dbname=\"$DATABASE\"";
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -o pipefail; gpg --batch --pinentry-mode loopback --passphrase-file \"$KEY_FILE\" --decrypt \"$FILE\" | {restore}");
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["GNUPGHOME"] = gnupgHome, ["KEY_FILE"] = keyFile, ["FILE"] = file, ["PGBIN"] = bin, ["DATABASE"] = database,
                     ["PGHOST"] = source.Host!, ["PGPORT"] = source.Port.ToString(), ["PGUSER"] = source.Username!, ["PGPASSWORD"] = source.Password!,
                 })
        {
            start.Environment[name] = value;
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await output;
            await process.WaitForExitAsync();
            return (process.ExitCode, error);
        }
        finally
        {
            // gpg started an agent for this home: stop it before the folder goes.
            using (var stop = Process.Start(new ProcessStartInfo("gpgconf", ["--kill", "gpg-agent"]) { Environment = { ["GNUPGHOME"] = gnupgHome } }))
            {
                await stop!.WaitForExitAsync();
            }
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>A clock that does not move.</summary>
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
