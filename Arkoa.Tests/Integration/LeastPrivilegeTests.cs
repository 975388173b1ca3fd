using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>Least privilege (issue 13, point 14): database roles, what /metrics and /api/health tell whoever asks.</summary>
public sealed class LeastPrivilegeTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Theory]
    [InlineData("CREATE TABLE intruder (id int)")]
    [InlineData("ALTER TABLE users ADD COLUMN intruder text")]
    [InlineData("DROP TABLE outbox_messages")]
    [InlineData("TRUNCATE leave_balance_history")]
    [InlineData("CREATE INDEX intruder ON users (name)")]
    [InlineData("ALTER TABLE leave_balance_history DISABLE TRIGGER ALL")]
    [InlineData("CREATE SCHEMA intruder")]
    [InlineData("CREATE TEMP TABLE intruder (id int)")]
    [InlineData("CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'")]
    public async Task The_application_role_cannot_change_the_schema(string statement)
    {
        await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync("api", "arkoa"));
        await connection.OpenAsync();

        await using var command = new NpgsqlCommand(statement, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task The_application_role_reads_and_writes_rows()
    {
        var user = await ApiSession.SignUpAsync(app, "Row Writer");
        await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync("api", "arkoa"));
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE users SET name = 'Row Rewritten' WHERE id = $1", connection);
        update.Parameters.AddWithValue(Guid.Parse(user.UserId));

        Assert.Equal(1, await update.ExecuteNonQueryAsync());
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal("Row Rewritten", session.GetProperty("user").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_api_and_the_worker_work_as_the_application_role_and_the_owner_is_not_left_connected()
    {
        // What each service was started with (the dashboard shows the same), as role per connection name.
        async Task<Dictionary<string, string>> ConnectionsOf(string service)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await foreach (var e in app.App.ResourceNotifications.WatchAsync(timeout.Token))
            {
                var connections = e.Snapshot.EnvironmentVariables
                    .Where(v => v.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && v.Value?.Contains("Username=", StringComparison.Ordinal) == true)
                    .ToDictionary(v => v.Name["ConnectionStrings__".Length..], v => new NpgsqlConnectionStringBuilder(v.Value).Username!);
                if (e.Resource.Name == service && connections.Count > 0) return connections;
            }
            throw new InvalidOperationException($"No environment seen for {service}.");
        }

        Assert.Equal(new Dictionary<string, string> { ["arkoa"] = "arkoa_app", ["arkoa-owner"] = "arkoa_owner" }, await ConnectionsOf("api"));
        Assert.Equal(new Dictionary<string, string> { ["arkoa"] = "arkoa_app", ["arkoa-backup"] = "arkoa_backup" }, await ConnectionsOf("worker"));

        // The Api's work goes through the application role's pool; the owner's migration connection is closed once done.
        await ApiSession.SignUpAsync(app);
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var sessions = new NpgsqlCommand("""
            SELECT usename, count(*) FROM pg_stat_activity
            WHERE datname = 'arkoa' AND usename IN ('arkoa_app', 'arkoa_owner')
            GROUP BY usename
            """, connection);
        var counts = new Dictionary<string, long>();
        await using (var reader = await sessions.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        Assert.True(counts.GetValueOrDefault("arkoa_app") > 0, "No connection of the application role.");
        Assert.False(counts.ContainsKey("arkoa_owner"), "A connection of the owner role stayed open.");
    }

    [Theory]
    [InlineData("api")]
    [InlineData("worker")]
    public async Task No_connection_string_fragment_is_in_the_metrics_labels(string service)
    {
        // Some database work first, so the Npgsql series are there to be read.
        await ApiSession.SignUpAsync(app);
        var scrape = await PrometheusScrape.WaitForAsync(app.Client(service), s => s.Has("db_client_connection_count"));
        Assert.True(scrape.Has("db_client_connection_count"), "Npgsql pool metrics");

        var database = new NpgsqlConnectionStringBuilder(await app.DatabaseConnectionStringAsync());
        // Npgsql's spelling of a connection string (a scrape has labels such as server_port="4317" of its own).
        foreach (var fragment in new[] { "Host=", "Username=", "Database=", "Port=", "arkoa_app", "arkoa_owner", "arkoa_backup", $"\"{database.Port}\"" })
        {
            Assert.DoesNotContain(fragment, scrape.Text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("pool_name", scrape.Text);
    }

    [Fact]
    public async Task The_api_health_shows_only_its_status_without_the_operations_key()
    {
        foreach (var key in new[] { null, "", "not the key" })
        {
            var http = app.Api();
            if (key is not null) http.DefaultRequestHeaders.Add(WorkerOps.KeyHeader, key);
            var response = await http.GetAsync("/api/health");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var health = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["status"], health.EnumerateObject().Select(p => p.Name));
            Assert.Equal("ok", health.GetProperty("status").GetString());
        }

        var operator_ = app.Api();
        operator_.DefaultRequestHeaders.Add(WorkerOps.KeyHeader, await new WorkerOps(app).KeyAsync());
        var details = await operator_.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("up", details.GetProperty("database").GetString());
        Assert.False(string.IsNullOrEmpty(details.GetProperty("version").GetString()));
    }
}
