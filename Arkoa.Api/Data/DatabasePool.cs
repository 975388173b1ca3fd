using System.Data.Common;
using Npgsql;

namespace Arkoa.Api.Data;

/// <summary>
/// The Api's Postgres pool size. Npgsql's default (100 per replica) lets a burst of requests open far more server
/// backends than a database server has cores; they then compete for the CPU and every query slows down. A smaller pool
/// queues the burst in the Api instead, where waiting costs nothing (docs/performance.md). A Maximum Pool Size written
/// in the connection string wins; otherwise <c>Database:MaxPoolSize</c>, default <see cref="DefaultMaxSize"/>.
/// </summary>
public static class DatabasePool
{
    public const string MaxSizeSetting = "Database:MaxPoolSize";
    public const int DefaultMaxSize = 16;

    private static readonly string[] MaxSizeKeywords = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize"];

    public static string? Apply(string? connectionString, IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(connectionString)) return connectionString;
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (MaxSizeKeywords.Any(given.ContainsKey)) return connectionString;
        var size = configuration.GetValue(MaxSizeSetting, DefaultMaxSize);
        if (size < 1) throw new InvalidOperationException($"{MaxSizeSetting} must be 1 or more, not {size}.");
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = size }.ConnectionString;
    }
}
