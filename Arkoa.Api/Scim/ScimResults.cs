using System.Text.Json;
using System.Text.Json.Nodes;
using Arkoa.Core.Scim;

namespace Arkoa.Api.Scim;

/// <summary>SCIM's answers: <c>application/scim+json</c>, and refusals in its error schema (RFC 7644 §3.12), never a stack trace.</summary>
public static class ScimResults
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK, string? location = null) =>
        new ScimJsonResult(body, status, location);

    public static IResult Error(ScimError error)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = error.Detail,
        };
        if (error.ScimType is not null) body["scimType"] = error.ScimType;
        return new ScimJsonResult(body, error.Status, null);
    }

    public static IResult NotFound(string what) => Error(ScimError.NotFound($"{what} was not found."));

    private sealed class ScimJsonResult(JsonNode body, int status, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = ScimSchemas.MediaType + "; charset=utf-8";
            if (location is not null) context.Response.Headers.Location = location;
            await context.Response.WriteAsync(body.ToJsonString(Options), context.RequestAborted);
        }
    }
}
