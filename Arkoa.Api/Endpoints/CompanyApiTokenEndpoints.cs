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
/// /api/companies/{companyId}/api-tokens: the company's API tokens (issue 18), which let an integration act for the
/// company (<see cref="CompanyApiTokenAccess"/>). Managed by a signed-in admin only — no API token may, even to read.
/// </summary>
public static class CompanyApiTokenEndpoints
{
    public static RouteGroupBuilder MapCompanyApiTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/companies/{companyId:guid}/api-tokens").WithTags("API tokens")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapGet("/", List).WithName("ListCompanyApiTokens")
            .WithSummary("The company's API tokens with their scopes, creator, creation, last use, expiry and revocation; never the secret (admin, signed in).");
        tokens.MapPost("/", Create).WithName("CreateCompanyApiToken")
            .WithSummary("Creates a company API token acting for the company through the caller's admin membership; the secret is in this answer only (admin, signed in).")
            .WithMetadata(SecretInAnswer.Instance)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        tokens.MapDelete("/{tokenId:guid}", Revoke).WithName("RevokeCompanyApiToken")
            .WithSummary("Revokes one of the company's API tokens at once, whoever created it (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<List<CompanyApiTokenListItem>>, ProblemHttpResult>> List(
        Guid companyId, ArkoaDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (CompanyApiTokenRules.ManageRefusal(caller) is { } refusal) return refusal.ToProblem();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.CompanyApiTokens.AsNoTracking().Where(t => t.CompanyId == companyId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new
            {
                t.Id, t.Name, t.Scopes, t.CreatedAt, t.CreatedById, CreatedByName = t.CreatedBy!.Name, t.LastUsedAt, t.ExpiresAt, t.RevokedAt,
                CreatorIsAdmin = db.Memberships.Any(m => m.UserId == t.CreatedById && m.CompanyId == companyId && m.Active && m.Role == UserRole.ADMIN),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(t => new CompanyApiTokenListItem(
            t.Id, t.Name, t.Scopes, t.CreatedAt, t.CreatedById, t.CreatedByName, t.LastUsedAt, t.ExpiresAt, t.RevokedAt,
            !ApiTokenRules.IsLive(t.ExpiresAt, now), CompanyApiTokenRules.IsLive(t.ExpiresAt, t.RevokedAt, now) && t.CreatorIsAdmin)).ToList());
    }

    private static async Task<Results<Created<CreatedCompanyApiToken>, ProblemHttpResult>> Create(
        Guid companyId, CreateCompanyApiTokenRequest request, ArkoaDbContext db, TimeProvider clock, HttpContext context,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        var live = await db.CompanyApiTokens.CountAsync(t => t.CompanyId == companyId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
        var (scopes, error) = CompanyApiTokenRules.CheckCreate(request.Name, request.Scopes?.ToList(), request.ExpiresInDays, caller, live);
        if (error is not null) return error.ToProblem();

        var secret = CompanyApiTokenSecret.Create();
        var token = new CompanyApiToken
        {
            CompanyId = companyId,
            CreatedById = userId,
            Name = request.Name!.Trim(),
            Scopes = ApiTokenScopeNames.Format(scopes),
            TokenHash = CompanyApiTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = ApiTokenRules.ExpiresAt(now, request.ExpiresInDays),
        };
        db.CompanyApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        loggers.CreateLogger(typeof(CompanyApiTokenEndpoints)).LogInformation(
            "Company API token {TokenId} of company {CompanyId} created by {UserId}", token.Id, companyId, userId);
        return TypedResults.Created($"/api/companies/{companyId}/api-tokens/{token.Id}", new CreatedCompanyApiToken(
            token.Id, token.Name, token.Scopes, token.CreatedAt, token.ExpiresAt, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid companyId, Guid tokenId, ArkoaDbContext db, TimeProvider clock, HttpContext context, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (CompanyApiTokenRules.ManageRefusal(caller) is { } refusal) return refusal.ToProblem();
        // The row stays, so the audit keeps the token's name; revoking twice is harmless.
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.CompanyApiTokens.Where(t => t.Id == tokenId && t.CompanyId == companyId)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, t => t.RevokedAt ?? now)
                .SetProperty(t => t.RevokedById, t => t.RevokedById ?? userId), cancellationToken);
        if (found == 0) return Problems.NotFound(ProblemCodes.TokenNotFound, "The API token");
        loggers.CreateLogger(typeof(CompanyApiTokenEndpoints)).LogInformation(
            "Company API token {TokenId} of company {CompanyId} revoked by {UserId}", tokenId, companyId, userId);
        return TypedResults.NoContent();
    }
}
