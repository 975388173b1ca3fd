using System.Data.Common;
using Npgsql;

namespace Arkoa.Api.Data;

/// <summary>
/// The Api's Postgres connection settings (docs/performance.md); a setting written in the connection string wins.
/// <list type="bullet">
/// <item>Pool size, <c>Database:MaxPoolSize</c> (default <see cref="DefaultMaxSize"/>): Npgsql's default of 100 per
/// replica lets a burst of requests open far more server backends than a database server has cores; they then compete
/// for the CPU and every query slows down. A smaller pool queues the burst in the Api, where waiting costs nothing.</item>
/// <item>Automatic preparation, <c>Database:MaxAutoPrepare</c> (default <see cref="DefaultMaxAutoPrepare"/>
/// statements per connection): Npgsql prepares a statement a connection has run a few times, so Postgres stops parsing
/// and planning it on every run. Planning the Api's access-checked queries costs more than running them.</item>
/// </list>
/// </summary>
public static class DatabasePool
{
    public const string MaxSizeSetting = "Database:MaxPoolSize";
    public const int DefaultMaxSize = 16;
    public const string MaxAutoPrepareSetting = "Database:MaxAutoPrepare";
    public const int DefaultMaxAutoPrepare = 100;

    private static readonly string[] MaxSizeKeywords = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize"];
    private static readonly string[] MaxAutoPrepareKeywords = ["Max Auto Prepare", "MaxAutoPrepare"];

    public static string? Apply(string? connectionString, IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(connectionString)) return connectionString;
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var result = new NpgsqlConnectionStringBuilder(connectionString);
        if (!MaxSizeKeywords.Any(given.ContainsKey))
        {
            result.MaxPoolSize = Setting(configuration, MaxSizeSetting, DefaultMaxSize, minimum: 1);
        }
        if (!MaxAutoPrepareKeywords.Any(given.ContainsKey))
        {
            result.MaxAutoPrepare = Setting(configuration, MaxAutoPrepareSetting, DefaultMaxAutoPrepare, minimum: 0);
        }
        return result.ConnectionString;
    }

    private static int Setting(IConfiguration configuration, string key, int defaultValue, int minimum)
    {
        var value = configuration.GetValue(key, defaultValue);
        if (value < minimum) throw new InvalidOperationException($"{key} must be {minimum} or more, not {value}.");
        return value;
    }
}
