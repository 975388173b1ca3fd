using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>
/// Least privilege in the database: no service connects as the superuser. Three login roles, each with its password in a
/// secret parameter (generated unless configured) and a connection string the services get in their environment:
/// <list type="bullet">
/// <item><c>arkoa_owner</c> (<see cref="Owner"/>, the Api's "arkoa-owner"): owns the database and its schema; only the
/// Api's start-up migration uses it.</item>
/// <item><c>arkoa_app</c> (<see cref="App"/>, "arkoa" in the Api and the Worker): reads and writes rows; it can neither
/// create, alter, drop nor truncate anything.</item>
/// <item><c>arkoa_backup</c> (<see cref="Backup"/>, the Worker's "arkoa-backup"): reads every table (pg_read_all_data) and
/// may create the scratch databases its restore check uses (it owns them, so it may drop them), nothing more.</item>
/// </list>
/// Running, the AppHost creates or updates the roles as the superuser when the database is ready (<see cref="EnsureAsync"/>,
/// a ready handler, which services waiting for the database wait for too). Published, the operator creates them once with
/// the same statements (docs/deployment.md).
/// </summary>
public sealed class DatabaseRoles
{
    public const string OwnerRole = "arkoa_owner";
    public const string AppRole = "arkoa_app";
    public const string BackupRole = "arkoa_backup";

    private readonly string _databaseName;
    private readonly Dictionary<string, ParameterResource> _passwords = [];

    private DatabaseRoles(string databaseName) => _databaseName = databaseName;

    public ReferenceExpression Owner { get; private set; } = null!;
    public ReferenceExpression App { get; private set; } = null!;
    public ReferenceExpression Backup { get; private set; } = null!;

    /// <summary>The roles of <paramref name="databaseName"/> on the Postgres server at <paramref name="server"/>.</summary>
    public static DatabaseRoles Add(IDistributedApplicationBuilder builder, EndpointReference server, string databaseName)
    {
        var roles = new DatabaseRoles(databaseName);
        roles.Owner = roles.AddLogin(builder, server, "arkoa-owner", OwnerRole);
        roles.App = roles.AddLogin(builder, server, "arkoa-app", AppRole);
        roles.Backup = roles.AddLogin(builder, server, "arkoa-backup", BackupRole);
        return roles;
    }

    private ReferenceExpression AddLogin(IDistributedApplicationBuilder builder, EndpointReference server, string name, string role)
    {
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
        _passwords[role] = password.Resource;
        return ReferenceExpression.Create(
            $"Host={server.Property(EndpointProperty.Host)};Port={server.Property(EndpointProperty.Port)};Username={role};Password={password.Resource};Database={_databaseName}");
    }

    /// <summary>Creates or updates the roles and their rights, connected as the superuser to the database itself.</summary>
    public async Task EnsureAsync(string superuserConnectionString, CancellationToken cancellationToken)
    {
        var passwords = new Dictionary<string, string>();
        foreach (var (role, password) in _passwords) passwords[role] = (await password.GetValueAsync(cancellationToken))!;

        // Unpooled: after a restart of the server a pooled connection would be a dead one.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuserConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql(_databaseName, passwords), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The statements, safe to run again (they also hand objects made before the roles existed to the owner).</summary>
    public static string Sql(string databaseName, IReadOnlyDictionary<string, string> passwords)
    {
        var database = new NpgsqlCommandBuilder().QuoteIdentifier(databaseName);
        string Password(string role) => "'" + passwords[role].Replace("'", "''", StringComparison.Ordinal) + "'";
        return $"""
            -- A statement that fails is not written to the server's log with the passwords in it.
            SET log_min_error_statement = panic;
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN CREATE ROLE {OwnerRole}; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN CREATE ROLE {AppRole}; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{BackupRole}') THEN CREATE ROLE {BackupRole}; END IF;
            END $$;
            ALTER ROLE {OwnerRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD {Password(OwnerRole)};
            ALTER ROLE {AppRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD {Password(AppRole)};
            ALTER ROLE {BackupRole} LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD {Password(BackupRole)};
            GRANT pg_read_all_data TO {BackupRole};

            ALTER DATABASE {database} OWNER TO {OwnerRole};
            REVOKE ALL ON DATABASE {database} FROM PUBLIC;
            GRANT CONNECT ON DATABASE {database} TO {AppRole}, {BackupRole};
            ALTER SCHEMA public OWNER TO {OwnerRole};
            REVOKE ALL ON SCHEMA public FROM PUBLIC;
            GRANT USAGE ON SCHEMA public TO {AppRole}, {BackupRole};

            -- Tables, sequences and functions a superuser made before (an older version migrated as one) pass to the owner.
            DO $$ DECLARE item record; BEGIN
              FOR item IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                    AND c.relowner <> '{OwnerRole}'::regrole
                    AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO {OwnerRole}',
                  CASE item.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, item.name);
              END LOOP;
              FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                  WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '{OwnerRole}'::regrole
              LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO {OwnerRole}', item.name);
              END LOOP;
            END $$;

            -- Rows, never the schema: no CREATE on the schema, no TRUNCATE, REFERENCES or TRIGGER on tables.
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {AppRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {AppRole};
            ALTER DEFAULT PRIVILEGES FOR ROLE {OwnerRole} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {AppRole};
            ALTER DEFAULT PRIVILEGES FOR ROLE {OwnerRole} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {AppRole};
            """;
    }
}
