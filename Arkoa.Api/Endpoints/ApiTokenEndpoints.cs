using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/users/me/api-tokens: the signed-in person's personal API tokens (issue 18), created for one company with
/// scopes and an expiry, listed without their secret, revoked. A token cannot reach these (<see cref="ApiTokenAccess"/>).
/// </summary>
public static class ApiTokenEndpoints
{
    public static RouteGroupBuilder MapApiTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/users/me/api-tokens").WithTags("API tokens");
        tokens.MapGet("/", List).WithName("ListApiTokens")
            .WithSummary("The caller's API tokens with their company, scopes, creation, last use and expiry; never the secret (signed-in person, not a token).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapPost("/", Create).WithName("CreateApiToken")
            .WithSummary("Creates a personal API token for one of the caller's companies; the secret is in this answer only. Approve needs a manager (signed-in person, not a token).")
            .WithMetadata(SecretInAnswer.Instance)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tokens.MapDelete("/{tokenId:guid}", Revoke).WithName("RevokeApiToken")
            .WithSummary("Revokes one of the caller's API tokens at once; another person's token is not found (signed-in person, not a token).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<List<ApiTokenListItem>>> List(
        ArkoaDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new
            {
                t.Id, t.Name, t.CompanyId, t.Scopes, t.CreatedAt, t.LastUsedAt, t.ExpiresAt,
                CompanyName = db.Companies.Where(c => c.Id == t.CompanyId).Select(c => c.Name).First(),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(t => new ApiTokenListItem(
            t.Id, t.Name, t.CompanyId, t.CompanyName, t.Scopes, t.CreatedAt, t.LastUsedAt, t.ExpiresAt,
            !ApiTokenRules.IsLive(t.ExpiresAt, now))).ToList());
    }

    private static async Task<Results<Created<CreatedApiToken>, ProblemHttpResult>> Create(
        CreateApiTokenRequest request, ArkoaDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = await db.CallerMembershipAsync(request.CompanyId!.Value, userId, cancellationToken);
        var existing = await db.ApiTokens.CountAsync(t => t.UserId == userId, cancellationToken);
        var (scopes, error) = ApiTokenRules.CheckCreate(request.Name, request.Scopes?.ToList(), request.ExpiresInDays, owner, existing);
        if (error is not null) return error.ToProblem();

        var secret = ApiTokenSecret.Create();
        var token = new ApiToken
        {
            UserId = userId,
            CompanyId = owner!.CompanyId,
            Name = request.Name!.Trim(),
            Scopes = ApiTokenScopeNames.Format(scopes),
            TokenHash = ApiTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = ApiTokenRules.ExpiresAt(now, request.ExpiresInDays),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/users/me/api-tokens/{token.Id}", new CreatedApiToken(
            token.Id, token.Name, token.CompanyId, owner.Id, token.Scopes, token.CreatedAt, token.ExpiresAt, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid tokenId, ArkoaDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        // Another person's token looks exactly like one that does not exist.
        var revoked = await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return revoked == 0 ? Problems.NotFound(ProblemCodes.TokenNotFound, "The API token") : TypedResults.NoContent();
    }
}
