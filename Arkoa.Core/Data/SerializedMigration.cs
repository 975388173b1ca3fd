using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Core.Data;

public static class SerializedMigration
{
    // Any fixed number: the advisory lock names "Arkoa migrates its schema" for every process sharing the database.
    private const long LockKey = 0x41524B4F41_4D4947;

    /// <summary>
    /// Applies pending migrations with a Postgres advisory lock held around the whole run, so replicas starting
    /// together migrate one after the other. (EF Core's own migration lock did not stop two Api replicas from
    /// both applying the same migration: the second one crashed on "column already exists".)
    /// </summary>
    /// <remarks>
    /// Given <paramref name="ownerConnectionString"/> (ConnectionStrings:arkoa-owner), the migrations run as the schema's
    /// owner while the service itself works as a role that cannot change the schema. The owner's connections are not
    /// pooled, so none stays open once the migrations are done.
    /// </remarks>
    public static async Task MigrateSerializedAsync(this ArkoaDbContext db, string? ownerConnectionString = null, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(ownerConnectionString))
        {
            var options = new DbContextOptionsBuilder<ArkoaDbContext>()
                .UseNpgsql(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
            ArkoaDbContextOptions.Apply(options);
            await using var owner = new ArkoaDbContext(options.Options);
            await owner.MigrateSerializedAsync(ownerConnectionString: null, cancellationToken);
            return;
        }

        // The lock lives on a connection of its own, held until the migrations are done; closing it releases the lock.
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(cancellationToken);
        // Waiting is the point: another replica may take a while to migrate (slow machine, long migration). If it
        // dies, its connection closes and the lock passes on, so only a hung holder could make this wait run out.
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection) { CommandTimeout = 600 })
        {
            acquire.Parameters.AddWithValue("key", LockKey);
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
