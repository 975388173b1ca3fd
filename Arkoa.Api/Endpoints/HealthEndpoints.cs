using System.Reflection;
using Arkoa.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/health: the product's own health document (SPEC §9); /health and /alive come from ServiceDefaults.</summary>
public static class HealthEndpoints
{
    private static readonly DateTime StartedAt = DateTime.UtcNow;
    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public sealed record HealthResponse(string Status, string Database, string Version, long UptimeSeconds);

    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", GetHealth).AllowAnonymous().WithTags("Health");
        return api;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(
        ArkoaDbContext db, CancellationToken cancellationToken)
    {
        bool databaseUp;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            databaseUp = await db.Database.CanConnectAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            databaseUp = false;
        }

        var response = new HealthResponse(databaseUp ? "ok" : "degraded", databaseUp ? "up" : "down", Version,
            (long)(DateTime.UtcNow - StartedAt).TotalSeconds);
        return databaseUp ? TypedResults.Ok(response) : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
