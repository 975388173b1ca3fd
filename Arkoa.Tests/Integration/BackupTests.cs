using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>Verified backups (SPEC §7), restored the way docs/operations.md tells operators to.</summary>
[Collection(AppCollection.Name)]
public sealed class BackupTests(ArkoaAppFixture app)
{
    private readonly WorkerOps _ops = new(app);

    [Fact]
    public async Task A_backup_restored_to_a_new_database_has_the_row_counts_from_before_a_later_change()
    {
        var usersBefore = await _ops.ScalarAsync<long>("SELECT count(*) FROM users");
        var report = await _ops.BackupAsync();
        var file = report.GetProperty("file").GetString()!;
        Assert.True(File.Exists(file));
        Assert.True(report.GetProperty("sizeBytes").GetInt64() > 0);
        var counted = report.GetProperty("rowCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(usersBefore, counted["public.users"]);

        await ApiSession.SignUpAsync(app, "After The Backup"); // the database changes after the backup
        Assert.Equal(usersBefore + 1, await _ops.ScalarAsync<long>("SELECT count(*) FROM users"));

        var source = new NpgsqlConnectionStringBuilder(await app.DatabaseConnectionStringAsync());
        var restoredName = $"arkoa_restore_test_{Guid.NewGuid():N}"[..32];
        await AdminAsync(source, $"CREATE DATABASE {restoredName}");
        try
        {
            await PgRestoreAsync(source, restoredName, file);
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
    public async Task Retention_deletes_verified_backups_older_than_the_configured_days_and_nothing_else()
    {
        var first = await _ops.BackupAsync();
        var directory = Path.GetDirectoryName(first.GetProperty("file").GetString())!;
        var now = DateTime.UtcNow;
        string Fake(int daysAgo, string suffix = "")
        {
            var path = Path.Combine(directory, $"arkoa-{now.AddDays(-daysAgo):yyyyMMdd'T'HHmmss'Z'}.dump{suffix}");
            File.WriteAllText(path, "not a real dump");
            return path;
        }
        var old = new[] { Fake(10), Fake(8) };
        var recent = Fake(6);
        var unrelated = Path.Combine(directory, "notes.txt");
        File.WriteAllText(unrelated, "operators' notes");

        // Run from the dashboard's command on one Worker instance, as an operator would.
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

    /// <summary>docs/operations.md "Restore to a new database": pg_restore --no-owner into an empty database.</summary>
    private static async Task PgRestoreAsync(NpgsqlConnectionStringBuilder source, string database, string file)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_restore")).Where(File.Exists).Max()!;
        var start = new ProcessStartInfo(bin) { RedirectStandardError = true };
        foreach (var argument in new[] { "--host", source.Host!, "--port", source.Port.ToString(), "--username", source.Username!,
                     "--dbname", database, "--no-owner", "--no-privileges", "--exit-on-error", file })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGPASSWORD"] = source.Password;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
    }
}
