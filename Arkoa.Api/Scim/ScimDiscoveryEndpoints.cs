using System.Text.Json.Nodes;
using Arkoa.Api.Http;
using Arkoa.Core.Scim;

namespace Arkoa.Api.Scim;

/// <summary>
/// SCIM's own discovery (RFC 7644 §4): what Arkoa's service supports, stated honestly — PATCH yes; filter yes, eq on
/// a few attributes, at most <see cref="ScimPaging.MaxResults"/> results a page; no bulk, sort, ETags or password
/// changes — its resource types and a minimal description of their schemas.
/// </summary>
public static class ScimDiscoveryEndpoints
{
    public static RouteGroupBuilder MapScimDiscoveryEndpoints(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", (HttpContext context) => ScimResults.Json(ServiceProviderConfig(context)));
        scim.MapGet("/ResourceTypes", (HttpContext context) =>
            ScimResults.Json(ScimUserResources.List([UserType(context), GroupType(context)], 2, 1)));
        scim.MapGet("/Schemas", () => ScimResults.Json(ScimUserResources.List([UserSchema(), GroupSchema()], 2, 1)));
        return scim;
    }

    private static string Base(HttpContext context) => $"{PublicApiAddress.Of(context)}{context.Request.PathBase}" +
        context.Request.Path.Value![..context.Request.Path.Value!.LastIndexOf('/')];

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };

    private static JsonObject ServiceProviderConfig(HttpContext context) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
        ["documentationUri"] = "https://arkoa.dev/docs/integrations#scim-provisioning",
        ["patch"] = Supported(true),
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ScimPaging.MaxResults },
        ["changePassword"] = Supported(false),
        ["sort"] = Supported(false),
        ["etag"] = Supported(false),
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken", ["name"] = "Bearer token",
            ["description"] = "The company's SCIM token (arkoa_scim_…), created by an admin of the company in Arkoa.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = Base(context) + "/ServiceProviderConfig" },
    };

    private static JsonObject UserType(HttpContext context) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
        ["id"] = "User", ["name"] = "User", ["endpoint"] = "/Users", ["schema"] = ScimSchemas.User,
        ["description"] = "A member of the company (the id is the membership's).",
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = Base(context) + "/ResourceTypes/User" },
    };

    private static JsonObject GroupType(HttpContext context) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
        ["id"] = "Group", ["name"] = "Group", ["endpoint"] = "/Groups", ["schema"] = ScimSchemas.Group,
        ["description"] = "A team of the company.",
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = Base(context) + "/ResourceTypes/Group" },
    };

    private static JsonObject Attribute(string name, string type, bool required = false, string mutability = "readWrite",
        string uniqueness = "none", bool multiValued = false, JsonArray? subAttributes = null)
    {
        var attribute = new JsonObject
        {
            ["name"] = name, ["type"] = type, ["multiValued"] = multiValued, ["required"] = required, ["caseExact"] = false,
            ["mutability"] = mutability, ["returned"] = "default", ["uniqueness"] = uniqueness,
        };
        if (subAttributes is not null) attribute["subAttributes"] = subAttributes;
        return attribute;
    }

    private static JsonObject UserSchema() => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.Schema),
        ["id"] = ScimSchemas.User, ["name"] = "User", ["description"] = "A member of the company.",
        ["attributes"] = new JsonArray(
            Attribute("userName", "string", required: true, mutability: "immutable", uniqueness: "server"),
            Attribute("name", "complex", subAttributes: new JsonArray(
                Attribute("givenName", "string"), Attribute("familyName", "string"), Attribute("formatted", "string"))),
            Attribute("displayName", "string"),
            Attribute("active", "boolean"),
            Attribute("externalId", "string"),
            Attribute("emails", "complex", mutability: "readOnly", multiValued: true, subAttributes: new JsonArray(
                Attribute("value", "string", mutability: "readOnly"), Attribute("type", "string", mutability: "readOnly"),
                Attribute("primary", "boolean", mutability: "readOnly")))),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema" },
    };

    private static JsonObject GroupSchema() => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.Schema),
        ["id"] = ScimSchemas.Group, ["name"] = "Group", ["description"] = "A team of the company.",
        ["attributes"] = new JsonArray(
            Attribute("displayName", "string", required: true),
            Attribute("members", "complex", multiValued: true, subAttributes: new JsonArray(
                Attribute("value", "string", mutability: "immutable"), Attribute("display", "string", mutability: "readOnly")))),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema" },
    };
}
