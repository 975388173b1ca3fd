using Arkoa.AppHost.Infrastructure;
using Arkoa.Core.Data;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The servers of the in-process Api tests: the AppHost's own local PostgreSQL and Redis (same code, same roles), started
/// once per test run with nothing else, and a template database migrated once that each test class copies
/// (<see cref="CreateDatabaseAsync"/>). Not the AppHost's servers: one in-process test run from the IDE then starts in
/// seconds instead of waiting for the whole AppHost, and no fixture has to be shared between test collections.
/// </summary>
/// <remarks>
/// Templates rather than Respawn: a copy is a fresh database in a fraction of a second whatever ran before, so classes
/// never see each other's rows and may run side by side; and Respawn's DELETE would trip the triggers that keep the
/// balance history append-only (they refuse deletes on purpose).
/// </remarks>
public sealed class ApiServers
{
    /// <summary>Migrated once, the template of every test class's copy (not the AppHost's "arkoa": its health check is connected to it).</summary>
    private const string TemplateName = "arkoa_template";
    private const string DatabaseName = "arkoa";
    // As generous as the AppHost fixtures': at a load of 25 (two suites at once on two cores) 3 minutes ran out once
    // while Postgres was still starting, a failure of the machine's load, not of the code under test.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);
    private static readonly Lazy<Task<ApiServers>> Shared = new(StartAsync);

    private readonly IReadOnlyDictionary<string, string> _passwords;
    private readonly SemaphoreSlim _copying = new(1, 1);

    private ApiServers(string superuser, string redis, IReadOnlyDictionary<string, string> passwords)
    {
        Superuser = superuser;
        Redis = redis;
        _passwords = passwords;
    }

    /// <summary>The superuser's connection string to the server (no database named).</summary>
    public string Superuser { get; }

    public string Redis { get; }

    /// <summary>The servers of this test run, started by the first caller; stopped when the test process exits.</summary>
    public static Task<ApiServers> StartedAsync() => Shared.Value;

    /// <summary>Starts the servers without waiting for them (the run's orderer does, before the first class needs them).</summary>
    public static void StartInBackground() => _ = Task.Run(() => Shared.Value);

    /// <summary>A connection string of <paramref name="database"/> as the role the Api works as, or as the schema's owner.</summary>
    public string ConnectionString(string database, string role) => new NpgsqlConnectionStringBuilder(Superuser)
    {
        Username = role, Password = _passwords[role], Database = database,
    }.ConnectionString;

    public string SuperuserConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Superuser) { Database = database }.ConnectionString;

    /// <summary>A fresh copy of the migrated template, with the roles' rights on it; returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"arkoa_{Guid.NewGuid():N}";
        // One at a time: the rights below alter the shared roles, which two sessions at once may not.
        await _copying.WaitAsync();
        try
        {
            await ExecuteAsync(SuperuserConnectionString("postgres"), $"CREATE DATABASE {name} TEMPLATE {TemplateName}");
            // Database-level rights live outside the copied database: give them as the AppHost does for its own.
            await ExecuteAsync(SuperuserConnectionString(name), DatabaseRoles.Sql(name, _passwords));
        }
        finally
        {
            _copying.Release();
        }
        return name;
    }

    public async Task DropDatabaseAsync(string name) =>
        await ExecuteAsync(SuperuserConnectionString("postgres"), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private static async Task<ApiServers> StartAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var dataDirectory = TestDataDirectory.Create("servers");
        // The AppHost's own model (same servers, same database roles set up when the database is ready), less everything
        // but the database server, its database and Redis: the Api runs in this process instead.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Arkoa_AppHost>(
            [$"--Arkoa:DataDir={dataDirectory}", "--Arkoa:Infrastructure=local"], timeout.Token);
        builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        string[] kept = ["postgres", DatabaseName, "redis"];
        foreach (var unused in builder.Resources.Where(r => r is not ParameterResource && !kept.Contains(r.Name)).ToList())
        {
            builder.Resources.Remove(unused);
        }
        var postgres = builder.Resources.OfType<LocalPostgresServerResource>().Single();
        var redis = builder.Resources.OfType<LocalRedisResource>().Single();

        var app = builder.Build();
        await app.StartAsync(timeout.Token);
        foreach (var resource in kept)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(app, dataDirectory);

        var superuser = (await postgres.ConnectionStringExpression.GetValueAsync(timeout.Token))!;
        var passwords = new Dictionary<string, string>();
        foreach (var (role, parameter) in new[] { (DatabaseRoles.OwnerRole, "arkoa-owner-password"), (DatabaseRoles.AppRole, "arkoa-app-password"),
                     (DatabaseRoles.BackupRole, "arkoa-backup-password") })
        {
            passwords[role] = (await builder.Resources.OfType<ParameterResource>().Single(p => p.Name == parameter).GetValueAsync(timeout.Token))!;
        }
        var redisConnection = (await redis.ConnectionStringExpression.GetValueAsync(timeout.Token))!;
        var servers = new ApiServers(superuser, redisConnection, passwords);

        // The roles appear together, when the AppHost's ready handler has set them up: the owner's first sign-in waits for that.
        await WaitUntilAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(servers.ConnectionString(DatabaseName, DatabaseRoles.OwnerRole) + ";Pooling=false");
            await connection.OpenAsync(timeout.Token);
        }, timeout.Token);
        await ExecuteAsync(servers.SuperuserConnectionString("postgres"), $"CREATE DATABASE {TemplateName}");
        await ExecuteAsync(servers.SuperuserConnectionString(TemplateName), DatabaseRoles.Sql(TemplateName, passwords));

        // The schema, once, as the Api would make it (its own migrations, as the owner role); copies start from here.
        // Unpooled: a template may have no connection open while it is copied.
        var owner = new NpgsqlConnectionStringBuilder(servers.ConnectionString(TemplateName, DatabaseRoles.OwnerRole)) { Pooling = false };
        var options = new DbContextOptionsBuilder<ArkoaDbContext>().UseNpgsql(owner.ConnectionString);
        ArkoaDbContextOptions.Apply(options);
        await using (var db = new ArkoaDbContext(options.Options))
        {
            await db.MigrateSerializedAsync(cancellationToken: timeout.Token);
        }
        return servers;
    }

    private static void Stop(DistributedApplication app, string dataDirectory)
    {
        NpgsqlConnection.ClearAllPools();
        app.StopAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        TestDataDirectory.TryDelete(dataDirectory);
    }

    private static async Task WaitUntilAsync(Func<Task> attempt, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await attempt();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        // Unpooled: a pooled connection to the template would stop the next copy.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
