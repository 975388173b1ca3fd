using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Serialization;
using Arkoa.Api.Health;
using Arkoa.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using StackExchange.Redis;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/health: the product's own health document (SPEC §9) for operators and uptime checks; /health and /alive
/// (what orchestrators probe) come from ServiceDefaults. Without the database nothing works: 503 "down".
/// Redis, SMTP or a nearly full disk only degrade the service: 200 "degraded". Anyone gets the status; what is wrong,
/// and the version, disk and memory figures an attacker would like to know, only come with the operations key
/// (<see cref="OpsKey.Header"/>).
/// </summary>
public static class HealthEndpoints
{
    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public const string Up = "up";
    public const string Down = "down";

    /// <param name="Status">ok, degraded (a dependency other than the database is down, or the disk is low) or down (no database).</param>
    /// <param name="Uptime">Seconds since the process started.</param>
    /// <remarks>Every field but the status is left out unless the request carries the operations key.</remarks>
    public sealed record HealthResponse(
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Database = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Redis = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Smtp = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DiskHealth? Disk = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MemoryHealth? Memory = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Version = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Uptime = null);

    /// <param name="Status">ok, or low under 10 % free.</param>
    public sealed record DiskHealth(string Status, long FreeBytes, long TotalBytes);

    public sealed record MemoryHealth(long WorkingSetBytes, long GcHeapBytes);

    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", GetHealth).WithName("GetHealth").AllowAnonymous()
            .WithTags("Health")
            .WithSummary("The service's status: ok, degraded, or down with a 503; the details only with the X-Arkoa-Ops-Key header (anyone).")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(
        ArkoaDbContext db, IConnectionMultiplexer redis, IConfiguration configuration, IHostEnvironment environment,
        HttpContext context, CancellationToken cancellationToken)
    {
        var database = DependencyProbes.DatabaseAsync(db, cancellationToken);
        var cache = DependencyProbes.RedisAsync(redis, cancellationToken);
        var smtp = DependencyProbes.SmtpAsync(configuration.GetConnectionString("smtp"), cancellationToken);
        await Task.WhenAll(database, cache, smtp);

        var disk = DiskSpace.Of(environment.ContentRootPath);
        using var process = Process.GetCurrentProcess();
        var status = !database.Result ? Down
            : !cache.Result || !smtp.Result || disk.IsLow ? "degraded"
            : "ok";
        var response = OpsKey.IsPresented(context.Request, configuration[OpsKey.Setting]) ? new HealthResponse(
            status,
            database.Result ? Up : Down,
            cache.Result ? Up : Down,
            smtp.Result ? Up : Down,
            new DiskHealth(disk.IsLow ? "low" : "ok", disk.FreeBytes, disk.TotalBytes),
            new MemoryHealth(Environment.WorkingSet, GC.GetTotalMemory(forceFullCollection: false)),
            Version,
            (long)(DateTime.Now - process.StartTime).TotalSeconds)
            : new HealthResponse(status);
        return database.Result
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
