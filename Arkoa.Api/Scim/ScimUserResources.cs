using System.Text.Json.Nodes;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Scim;

namespace Arkoa.Api.Scim;

/// <summary>A member as SCIM shows it: the membership (its id is the SCIM id), the account's address and name, what the provider wrote.</summary>
/// Built with an initializer, not a constructor, so EF still translates the filters and ordering composed after it.
public sealed record ScimUserRow
{
    public Guid Id { get; init; }
    public bool Active { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public string? ExternalId { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public DateTime? ScimUpdatedAt { get; init; }
}

/// <summary>The company's members as SCIM users, and their JSON (RFC 7643 §4.1).</summary>
public static class ScimUserResources
{
    /// <summary>Every member of the company but those the provider deleted.</summary>
    public static IQueryable<ScimUserRow> Query(ArkoaDbContext db, Guid companyId) =>
        from m in db.Memberships.Where(m => m.CompanyId == companyId)
        join s in db.ScimUsers on m.Id equals s.MembershipId into scim
        from s in scim.DefaultIfEmpty()
        where s == null || !s.Deleted
        select new ScimUserRow
        {
            Id = m.Id, Active = m.Active, CreatedAt = m.CreatedAt, UpdatedAt = m.UpdatedAt, Email = m.User!.Email, Name = m.User.Name,
            ExternalId = s == null ? null : s.ExternalId, GivenName = s == null ? null : s.GivenName,
            FamilyName = s == null ? null : s.FamilyName, ScimUpdatedAt = s == null ? null : s.UpdatedAt,
        };

    public static ScimUserRow Row(Membership membership, User user, ScimUser? scim) =>
        new()
        {
            Id = membership.Id, Active = membership.Active, CreatedAt = membership.CreatedAt, UpdatedAt = membership.UpdatedAt,
            Email = user.Email, Name = user.Name, ExternalId = scim?.ExternalId, GivenName = scim?.GivenName,
            FamilyName = scim?.FamilyName, ScimUpdatedAt = scim?.UpdatedAt,
        };

    public static string Location(HttpContext context, Guid companyId, Guid id) =>
        $"{PublicApiAddress.Of(context)}/scim/v2/{companyId}/Users/{id}";

    public static JsonObject Json(ScimUserRow row, HttpContext context, Guid companyId)
    {
        var name = new JsonObject { ["formatted"] = row.Name };
        if (row.GivenName is not null) name["givenName"] = row.GivenName;
        if (row.FamilyName is not null) name["familyName"] = row.FamilyName;
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.User),
            ["id"] = row.Id.ToString(),
            ["userName"] = row.Email,
            ["name"] = name,
            ["displayName"] = row.Name,
            ["active"] = row.Active,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = row.Email, ["type"] = "work", ["primary"] = true }),
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "User",
                ["created"] = Instant(row.CreatedAt),
                ["lastModified"] = Instant(row.ScimUpdatedAt is { } scim && scim > row.UpdatedAt ? scim : row.UpdatedAt),
                ["location"] = Location(context, companyId, row.Id),
            },
        };
        if (row.ExternalId is not null) user["externalId"] = row.ExternalId;
        return user;
    }

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A ListResponse (RFC 7644 §3.4.2) of one page.</summary>
    public static JsonObject List(IEnumerable<JsonNode> resources, int total, int startIndex)
    {
        var items = new JsonArray([.. resources]);
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = items.Count,
            ["Resources"] = items,
        };
    }
}
