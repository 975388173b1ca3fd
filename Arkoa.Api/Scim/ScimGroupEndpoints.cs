using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Scim;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Scim;

/// <summary>
/// /scim/v2/{companyId}/Groups: the company's teams as SCIM groups. Roles are not groups: they stay managed in Arkoa,
/// so no group a provider pushes can make anyone a manager or an admin. Writes run under the company lock, as the
/// teams' own endpoints do.
/// </summary>
public static class ScimGroupEndpoints
{
    private static readonly string[] FilterAttributes = ["displayName"];

    public static RouteGroupBuilder MapScimGroupEndpoints(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Groups", List);
        scim.MapGet("/Groups/{id}", Get);
        scim.MapPost("/Groups", Create);
        scim.MapPut("/Groups/{id}", Replace);
        scim.MapPatch("/Groups/{id}", Patch);
        scim.MapDelete("/Groups/{id}", Delete);
        return scim;
    }

    /// <summary>Entra ID asks for groups without their members (<c>excludedAttributes=members</c>) when it only checks they exist.</summary>
    private static bool WithMembers(string? excludedAttributes) =>
        excludedAttributes is null || !excludedAttributes.Split(',').Any(a => a.Trim().Equals("members", StringComparison.OrdinalIgnoreCase));

    private static async Task<IResult> List(
        Guid companyId, string? filter, string? startIndex, string? count, string? excludedAttributes, HttpContext context,
        ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (start, size, pagingError) = ScimPaging.Read(startIndex, count);
        if (pagingError is not null) return ScimResults.Error(pagingError);
        var groups = ScimGroupResources.Query(db, companyId);
        if (filter is not null)
        {
            var (parsed, error) = ScimFilter.Parse(filter, FilterAttributes);
            if (error is not null) return ScimResults.Error(error);
            var name = parsed!.Value.ToLower(System.Globalization.CultureInfo.InvariantCulture);
            groups = groups.Where(g => g.Name.ToLower() == name);
        }
        var total = await groups.CountAsync(cancellationToken);
        var page = await groups.OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).Skip(start - 1).Take(size).ToListAsync(cancellationToken);
        var members = WithMembers(excludedAttributes) ? await ScimGroupResources.MembersAsync(db, [.. page.Select(g => g.Id)], cancellationToken) : null;
        return ScimResults.Json(ScimUserResources.List(page.Select(g => ScimGroupResources.Json(g, members?[g.Id], context, companyId)), total, start));
    }

    private static async Task<IResult> Get(
        Guid companyId, string id, string? excludedAttributes, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var teamId)) return ScimResults.NotFound("The group");
        return await ReadAsync(db, context, companyId, teamId, WithMembers(excludedAttributes), StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> ReadAsync(
        ArkoaDbContext db, HttpContext context, Guid companyId, Guid teamId, bool withMembers, int status, CancellationToken ct)
    {
        var row = await ScimGroupResources.Query(db, companyId).SingleOrDefaultAsync(g => g.Id == teamId, ct);
        if (row is null) return ScimResults.NotFound("The group");
        var members = withMembers ? (await ScimGroupResources.MembersAsync(db, [teamId], ct))[teamId] : null;
        return ScimResults.Json(ScimGroupResources.Json(row, members, context, companyId), status,
            status == StatusCodes.Status201Created ? ScimGroupResources.Location(context, companyId, teamId) : null);
    }

    private static async Task<IResult> Create(
        Guid companyId, HttpContext context, ArkoaDbContext db, ScimGroupProvisioning provisioning, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await ScimRequestBody.ReadAsync(context.Request, cancellationToken);
        if (bodyError is not null) return ScimResults.Error(bodyError);
        var (change, error) = ScimGroupInterpreter.ReadResource(body);
        if (error is not null) return ScimResults.Error(error);
        var (teamId, refusal) = await db.InTransactionAsync<(Guid? TeamId, ScimError? Refusal)>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var (team, createError) = await provisioning.CreateAsync(companyId, change!, ct);
            if (createError is not null) return (null, createError);
            await db.SaveChangesAsync(ct);
            return (team!.Id, null);
        }, cancellationToken);
        return refusal is not null ? ScimResults.Error(refusal)
            : await ReadAsync(db, context, companyId, teamId!.Value, withMembers: true, StatusCodes.Status201Created, cancellationToken);
    }

    private static Task<IResult> Replace(
        Guid companyId, string id, HttpContext context, ArkoaDbContext db, ScimGroupProvisioning provisioning, CancellationToken cancellationToken) =>
        ChangeAsync(companyId, id, context, db, provisioning, ScimGroupInterpreter.ReadResource, cancellationToken);

    private static Task<IResult> Patch(
        Guid companyId, string id, HttpContext context, ArkoaDbContext db, ScimGroupProvisioning provisioning, CancellationToken cancellationToken) =>
        ChangeAsync(companyId, id, context, db, provisioning, ScimGroupInterpreter.ReadPatch, cancellationToken);

    private static async Task<IResult> ChangeAsync(
        Guid companyId, string id, HttpContext context, ArkoaDbContext db, ScimGroupProvisioning provisioning,
        Func<System.Text.Json.JsonElement, (ScimGroupChange?, ScimError?)> read, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var teamId)) return ScimResults.NotFound("The group");
        var (body, bodyError) = await ScimRequestBody.ReadAsync(context.Request, cancellationToken);
        if (bodyError is not null) return ScimResults.Error(bodyError);
        var (change, error) = read(body);
        if (error is not null) return ScimResults.Error(error);
        var refusal = await db.InTransactionAsync<ScimError?>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId && t.CompanyId == companyId, ct);
            if (team is null) return ScimError.NotFound("The group was not found.");
            if (await provisioning.ApplyAsync(team, change!, ct) is { } applyError) return applyError;
            await db.SaveChangesAsync(ct);
            return null;
        }, cancellationToken);
        return refusal is not null ? ScimResults.Error(refusal)
            : await ReadAsync(db, context, companyId, teamId, withMembers: true, StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> Delete(
        Guid companyId, string id, ArkoaDbContext db, ScimGroupProvisioning provisioning, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var teamId)) return ScimResults.NotFound("The group");
        var refusal = await db.InTransactionAsync<ScimError?>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId && t.CompanyId == companyId, ct);
            if (team is null) return ScimError.NotFound("The group was not found.");
            if (await provisioning.DeleteAsync(team, ct) is { } deleteError) return deleteError;
            await db.SaveChangesAsync(ct);
            return null;
        }, cancellationToken);
        return refusal is not null ? ScimResults.Error(refusal) : Results.NoContent();
    }
}
