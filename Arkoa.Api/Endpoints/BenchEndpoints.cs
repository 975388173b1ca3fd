using Arkoa.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// GET /api/bench/baseline: one trivial Postgres query through the same DbContext pool, no session — the practical
/// ceiling the benchmark compares real endpoints with (docs/performance.md). Mapped only when
/// <c>Arkoa:Bench:Enabled</c> is true, which only the benchmark and the test suite set: it is not part of the product.
/// </summary>
public static class BenchEndpoints
{
    public const string EnabledSetting = "Arkoa:Bench:Enabled";

    public static RouteGroupBuilder MapBenchEndpoints(this RouteGroupBuilder api)
    {
        if (!((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(EnabledSetting)) return api;
        api.MapGet("/bench/baseline", Baseline).AllowAnonymous().ExcludeFromDescription();
        return api;
    }

    private static async Task<Ok<int>> Baseline(ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var one = await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").ToListAsync(cancellationToken);
        return TypedResults.Ok(one[0]);
    }
}
