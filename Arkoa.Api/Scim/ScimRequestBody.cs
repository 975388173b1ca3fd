using System.Text.Json;
using Arkoa.Core.Scim;

namespace Arkoa.Api.Scim;

/// <summary>
/// Reads a SCIM request's JSON body. SCIM clients send <c>application/scim+json</c> (some <c>application/json</c>), which
/// the Api's JSON binding does not take, so the body is parsed here: bounded in size and depth, and unreadable JSON is
/// a 400 <c>invalidSyntax</c>.
/// </summary>
public static class ScimRequestBody
{
    public const int MaxBytes = 256 * 1024;

    public static async Task<(JsonElement Body, ScimError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var type = request.ContentType ?? "";
        if (!type.StartsWith(ScimSchemas.MediaType, StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, ScimError.InvalidSyntax($"Send the body as {ScimSchemas.MediaType} (or application/json)."));
        }
        if (request.ContentLength > MaxBytes) return (default, ScimError.InvalidSyntax($"A SCIM request body has at most {MaxBytes / 1024} KiB."));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (default, ScimError.InvalidSyntax($"A SCIM request body has at most {MaxBytes / 1024} KiB."));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, ScimError.InvalidSyntax("The body is not valid JSON."));
        }
    }
}
