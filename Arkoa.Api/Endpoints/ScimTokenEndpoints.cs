using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Scim;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/scim-token: the bearer token the company's identity provider provisions members with
/// (docs/integrations.md#scim-provisioning). One per company, managed by a signed-in admin only (no API token may,
/// ApiTokenAccess): creating it again rotates it, the old secret stops working at once.
/// </summary>
public static class ScimTokenEndpoints
{
    public static RouteGroupBuilder MapScimTokenEndpoints(this RouteGroupBuilder api)
    {
        var token = api.MapGroup("/companies/{companyId:guid}/scim-token").WithTags("SCIM")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        token.MapGet("/", Get).WithName("GetScimToken")
            .WithSummary("Whether the company has a SCIM token, when it was created and last used, and the SCIM base URL; never its secret (admin, signed in).");
        token.MapPost("/", Create).WithName("CreateScimToken")
            .WithSummary("Creates the company's SCIM token, or rotates it: the secret is in this answer only and the previous one stops working (admin, signed in).")
            .WithMetadata(SecretInAnswer.Instance);
        token.MapDelete("/", Revoke).WithName("RevokeScimToken")
            .WithSummary("Revokes the company's SCIM token: provisioning stops until a new one is created (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ScimTokenResponse>, ProblemHttpResult>> Get(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var token = await db.ScimTokens.AsNoTracking().SingleOrDefaultAsync(t => t.CompanyId == companyId, cancellationToken);
        return TypedResults.Ok(new ScimTokenResponse(token is not null, BaseUrl(context, companyId), token?.CreatedAt, token?.LastUsedAt));
    }

    private static async Task<Results<Created<CreatedScimToken>, ProblemHttpResult>> Create(
        Guid companyId, HttpContext context, ArkoaDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var secret = ScimTokenSecret.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement, so two admins rotating at once leave one token, the last one's.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO scim_tokens (id, company_id, token_hash, created_by_id, last_used_at, created_at, updated_at)
            VALUES ({Guid.CreateVersion7()}, {companyId}, {ScimTokenSecret.Hash(secret)}, {context.User.UserId()}, NULL, {now}, {now})
            ON CONFLICT (company_id) DO UPDATE SET token_hash = excluded.token_hash, created_by_id = excluded.created_by_id,
                last_used_at = NULL, created_at = excluded.created_at, updated_at = excluded.updated_at
            """, cancellationToken);
        loggers.CreateLogger(typeof(ScimTokenEndpoints)).LogInformation("SCIM token of company {CompanyId} created or rotated", companyId);
        var createdAt = await db.ScimTokens.Where(t => t.CompanyId == companyId).Select(t => t.CreatedAt).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/companies/{companyId}/scim-token", new CreatedScimToken(BaseUrl(context, companyId), createdAt, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid companyId, HttpContext context, ArkoaDbContext db, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var deleted = await db.ScimTokens.Where(t => t.CompanyId == companyId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0) return Problems.NotFound(ProblemCodes.ScimTokenNotFound, "The SCIM token");
        loggers.CreateLogger(typeof(ScimTokenEndpoints)).LogInformation("SCIM token of company {CompanyId} revoked", companyId);
        return TypedResults.NoContent();
    }

    /// <summary>The address an identity provider is given as the SCIM "tenant URL".</summary>
    private static string BaseUrl(HttpContext context, Guid companyId) =>
        $"{PublicApiAddress.Of(context)}/scim/v2/{companyId}";

    private static async Task<ProblemHttpResult?> AdminRefusalAsync(ArkoaDbContext db, Guid companyId, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null) return Problems.Forbidden();
        return caller.Role == UserRole.ADMIN ? null
            : Problems.Forbidden(ProblemCodes.AdminOnlyScim, "Only an admin of the company can manage its SCIM token.");
    }
}
