using Arkoa.Api.Auth;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Scim;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Scim;

/// <summary>
/// /scim/v2/{companyId}/Users (RFC 7644 §3): the company's members as its identity provider provisions them. The SCIM
/// id is the membership id, stable in the company and telling nothing of the person's other companies. Every write
/// runs under the company lock (one active admin remains, two provider requests never interleave).
/// </summary>
public static class ScimUserEndpoints
{
    private static readonly string[] FilterAttributes = ["userName", "externalId"];

    public static RouteGroupBuilder MapScimUserEndpoints(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Users", List);
        scim.MapGet("/Users/{id}", Get);
        scim.MapPost("/Users", Create);
        scim.MapPut("/Users/{id}", Replace);
        scim.MapPatch("/Users/{id}", Patch);
        scim.MapDelete("/Users/{id}", Delete);
        return scim;
    }

    private static async Task<IResult> List(
        Guid companyId, string? filter, string? startIndex, string? count, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (start, size, pagingError) = ScimPaging.Read(startIndex, count);
        if (pagingError is not null) return ScimResults.Error(pagingError);
        var users = ScimUserResources.Query(db, companyId);
        if (filter is not null)
        {
            var (parsed, error) = ScimFilter.Parse(filter, FilterAttributes);
            if (error is not null) return ScimResults.Error(error);
            if (parsed!.Attribute == "userName")
            {
                var email = Arkoa.Core.Domain.EmailAddress.Normalize(parsed.Value);
                users = users.Where(u => u.Email == email);
            }
            else
            {
                users = users.Where(u => u.ExternalId == parsed.Value);
            }
        }
        var total = await users.CountAsync(cancellationToken);
        var page = await users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Skip(start - 1).Take(size).ToListAsync(cancellationToken);
        return ScimResults.Json(ScimUserResources.List(page.Select(u => ScimUserResources.Json(u, context, companyId)), total, start));
    }

    private static async Task<IResult> Get(Guid companyId, string id, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var row = Guid.TryParse(id, out var membershipId)
            ? await ScimUserResources.Query(db, companyId).SingleOrDefaultAsync(u => u.Id == membershipId, cancellationToken)
            : null;
        return row is null ? ScimResults.NotFound("The user") : ScimResults.Json(ScimUserResources.Json(row, context, companyId));
    }

    private static async Task<IResult> Create(
        Guid companyId, HttpContext context, ArkoaDbContext db, ScimUserProvisioning provisioning, SessionRevocations revocations,
        CancellationToken cancellationToken)
    {
        var (body, bodyError) = await ScimRequestBody.ReadAsync(context.Request, cancellationToken);
        if (bodyError is not null) return ScimResults.Error(bodyError);
        var (change, error) = ScimUserInterpreter.ReadResource(body);
        if (error is not null) return ScimResults.Error(error);
        if (ScimUserRules.CheckUserName(change!.UserName!) is { } nameError) return ScimResults.Error(nameError);
        try
        {
            var created = await db.InTransactionAsync(async ct =>
            {
                await db.LockCompanyAsync(companyId, ct);
                return await provisioning.CreateAsync(companyId, change, ct);
            }, cancellationToken);
            if (created.Error is not null) return ScimResults.Error(created.Error);
            if (created.SecuredUserId is { } secured) await revocations.RevokeAsync(secured);
            return ScimResults.Json(ScimUserResources.Json(created.Row!, context, companyId), StatusCodes.Status201Created,
                ScimUserResources.Location(context, companyId, created.Row!.Id));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A sign-up, an invitation or another request took the address at the same instant.
            return ScimResults.Error(ScimError.Uniqueness("This userName was taken at the same instant: look it up with filter=userName eq \"…\"."));
        }
    }

    private static Task<IResult> Replace(
        Guid companyId, string id, HttpContext context, ArkoaDbContext db, ScimUserProvisioning provisioning, CancellationToken cancellationToken) =>
        ChangeAsync(companyId, id, context, db, provisioning, ScimUserInterpreter.ReadResource, replace: true, cancellationToken);

    private static Task<IResult> Patch(
        Guid companyId, string id, HttpContext context, ArkoaDbContext db, ScimUserProvisioning provisioning, CancellationToken cancellationToken) =>
        ChangeAsync(companyId, id, context, db, provisioning, ScimUserInterpreter.ReadPatch, replace: false, cancellationToken);

    /// <summary>PUT and PATCH: read the body first (a malformed one changes nothing), then apply it under the company lock.</summary>
    private static async Task<IResult> ChangeAsync(
        Guid companyId, string id, HttpContext context, ArkoaDbContext db, ScimUserProvisioning provisioning,
        Func<System.Text.Json.JsonElement, (ScimUserChange?, ScimError?)> read, bool replace, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var membershipId)) return ScimResults.NotFound("The user");
        var (body, bodyError) = await ScimRequestBody.ReadAsync(context.Request, cancellationToken);
        if (bodyError is not null) return ScimResults.Error(bodyError);
        var (change, error) = read(body);
        if (error is not null) return ScimResults.Error(error);

        return await db.InTransactionAsync(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            if (await provisioning.LoadAsync(companyId, membershipId, ct) is not var (membership, scim)) return ScimResults.NotFound("The user");
            if (await provisioning.ApplyAsync(membership, scim, change!, replace, ct) is { } refusal) return ScimResults.Error(refusal);
            await db.SaveChangesAsync(ct);
            return ScimResults.Json(ScimUserResources.Json(ScimUserResources.Row(membership, membership.User!, scim), context, companyId));
        }, cancellationToken);
    }

    private static async Task<IResult> Delete(
        Guid companyId, string id, ArkoaDbContext db, ScimUserProvisioning provisioning, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var membershipId)) return ScimResults.NotFound("The user");
        return await db.InTransactionAsync(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            if (await provisioning.LoadAsync(companyId, membershipId, ct) is not var (membership, scim)) return ScimResults.NotFound("The user");
            if (await provisioning.DeleteAsync(membership, scim, ct) is { } refusal) return ScimResults.Error(refusal);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }, cancellationToken);
    }
}
