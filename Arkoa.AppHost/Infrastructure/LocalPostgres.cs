using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>PostgreSQL from the Debian package, run by DCP as an executable on a loopback port.</summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string UserName = "postgres";

    public ParameterResource Password { get; } = password;
    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}

/// <summary>A database of <see cref="LocalPostgresServerResource"/>, created when the server is ready.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;
    public LocalPostgresServerResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server whose cluster lives in <paramref name="dataDirectory"/> (initdb on first use).
    /// Its superuser password is generated once and kept beside the cluster, handed to services as a secret parameter.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var binDirectory = LocalBinaries.PostgresBinDirectory();
        var clusterDirectory = Path.Combine(dataDirectory, "cluster");
        var password = StoredSecret.LoadOrCreate(Path.Combine(dataDirectory, "superuser-password"));
        if (!File.Exists(Path.Combine(clusterDirectory, "PG_VERSION")))
        {
            InitializeCluster(binDirectory, dataDirectory, clusterDirectory, password);
        }

        builder.Configuration[$"Parameters:{name}-password"] = password;
        var passwordParameter = builder.AddParameter($"{name}-password", secret: true);

        var port = FreePort.Next();
        var (command, prefix) = RootDrop.Wrap(Path.Combine(binDirectory, "postgres"));
        var server = new LocalPostgresServerResource(name, command, dataDirectory, passwordParameter.Resource);

        var healthCheckKey = $"{name}-ready";
        var connectionString = $"Host=127.0.0.1;Port={port};Username={LocalPostgresServerResource.UserName};Password={password};Database=postgres;Timeout=3";
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: healthCheckKey);

        return builder.AddResource(server)
            // No Unix-domain socket ("-k" empty): everything connects over loopback TCP, and a socket's path may not pass
            // 107 bytes, which a data folder a little deep made Postgres refuse to start ("could not create any
            // Unix-domain sockets").
            .WithArgs([.. prefix, "-D", clusterDirectory, "-p", port.ToString(), "-k", "",
                "-h", "127.0.0.1", "-c", "max_connections=300"])
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalPostgresServerResource.EndpointName, isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("DatabaseStack");
    }

    /// <summary>Adds a database that is created (if missing) as soon as the server answers.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);

        // The dashboard shows the database's own health: it answers only once created and while the server runs.
        string? databaseConnectionString = null;
        var healthCheckKey = $"{name}-ready";
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => databaseConnectionString ?? throw new InvalidOperationException($"Database {name} is not created yet."),
            name: healthCheckKey);

        server.OnResourceReady(async (resource, @event, cancellationToken) =>
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await CreateDatabaseIfMissingAsync(connectionString!, database.DatabaseName, cancellationToken);
            databaseConnectionString = $"{connectionString};Database={database.DatabaseName};Timeout=3";
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.PublishUpdateAsync(database, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        });

        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new(CustomResourceKnownProperties.Source, server.Resource.Name)],
            })
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Database");
    }

    private static async Task CreateDatabaseIfMissingAsync(string serverConnectionString, string databaseName, CancellationToken cancellationToken)
    {
        // Unpooled: after a restart of the server (dashboard Stop/Start) a pooled connection would be a dead one.
        await using var connection = new NpgsqlConnection(serverConnectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(databaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(databaseName);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void InitializeCluster(string binDirectory, string dataDirectory, string clusterDirectory, string password)
    {
        Directory.CreateDirectory(clusterDirectory);
        // initdb reads the password from a file the service user can read; it is deleted right after.
        var passwordFile = Path.Combine(dataDirectory, "initdb-password");
        File.WriteAllText(passwordFile, password);
        try
        {
            RootDrop.Own(clusterDirectory);
            RootDrop.Own(passwordFile);
            var (command, prefix) = RootDrop.Wrap(Path.Combine(binDirectory, "initdb"));
            RootDrop.Run(command, [.. prefix, "-D", clusterDirectory, "-U", LocalPostgresServerResource.UserName,
                $"--pwfile={passwordFile}", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                "-E", "UTF8", "--locale=C.UTF-8"]);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
