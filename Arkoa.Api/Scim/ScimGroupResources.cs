using System.Text.Json.Nodes;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Scim;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Scim;

/// <summary>A team as a SCIM group (RFC 7643 §4.2): its id, name and members (their SCIM ids, the memberships).</summary>
public sealed record ScimGroupRow
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

public static class ScimGroupResources
{
    public static IQueryable<ScimGroupRow> Query(ArkoaDbContext db, Guid companyId) =>
        db.Teams.AsNoTracking().Where(t => t.CompanyId == companyId)
            .Select(t => new ScimGroupRow { Id = t.Id, Name = t.Name, CreatedAt = t.CreatedAt, UpdatedAt = t.UpdatedAt });

    /// <summary>The members of <paramref name="teamIds"/> SCIM shows: not those the provider deleted.</summary>
    public static async Task<ILookup<Guid, (Guid Id, string Name)>> MembersAsync(ArkoaDbContext db, IReadOnlyCollection<Guid> teamIds, CancellationToken ct) =>
        (await db.TeamMembers.AsNoTracking()
            .Where(m => teamIds.Contains(m.TeamId) && !db.ScimUsers.Any(s => s.MembershipId == m.MembershipId && s.Deleted))
            .OrderBy(m => m.MembershipId)
            .Select(m => new { m.TeamId, m.MembershipId, m.Membership!.User!.Name })
            .ToListAsync(ct))
        .ToLookup(m => m.TeamId, m => (m.MembershipId, m.Name));

    public static string Location(HttpContext context, Guid companyId, Guid id) =>
        $"{PublicApiAddress.Of(context)}/scim/v2/{companyId}/Groups/{id}";

    public static JsonObject Json(ScimGroupRow row, IEnumerable<(Guid Id, string Name)>? members, HttpContext context, Guid companyId)
    {
        var group = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Group),
            ["id"] = row.Id.ToString(),
            ["displayName"] = row.Name,
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "Group",
                ["created"] = DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["lastModified"] = DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["location"] = Location(context, companyId, row.Id),
            },
        };
        if (members is not null)
        {
            group["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject
            {
                ["value"] = m.Id.ToString(), ["display"] = m.Name,
                ["$ref"] = ScimUserResources.Location(context, companyId, m.Id),
            })]);
        }
        return group;
    }
}
