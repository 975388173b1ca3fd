using System.Text.Json;

namespace Arkoa.Tests.Fuzz;

/// <summary>One operation of the Api's OpenAPI document: what a request to it is made of.</summary>
public sealed record ApiOperation(
    string Method, string PathTemplate, IReadOnlyList<ApiParameter> PathParameters, IReadOnlyList<ApiParameter> QueryParameters,
    JsonElement? JsonBody, bool FileBody)
{
    public string Key => $"{Method} {PathTemplate}";

    public override string ToString() => Key;
}

/// <summary>A path or query parameter and its schema.</summary>
public sealed record ApiParameter(string Name, JsonElement Schema);

/// <summary>Reads the operations of an OpenAPI 3.1 document as Microsoft.AspNetCore.OpenApi writes it.</summary>
public sealed class ApiOperations(JsonElement document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public IReadOnlyList<ApiOperation> All { get; } = Read(document);

    /// <summary>The schema a <c>$ref</c> points to, or the schema itself.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    private static List<ApiOperation> Read(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                ApiParameter Parameter(JsonElement p) =>
                    new(p.GetProperty("name").GetString()!, p.TryGetProperty("schema", out var schema) ? schema : default);
                JsonElement? json = null;
                var file = false;
                if (method.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    if (content.TryGetProperty("application/json", out var media)) json = media.GetProperty("schema");
                    file = content.TryGetProperty("multipart/form-data", out _);
                }
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name,
                    parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(Parameter).ToList(),
                    parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(Parameter).ToList(),
                    json, file));
            }
        }
        return operations;
    }
}
