using System.Text.Json;

namespace Arkoa.Web.Api;

/// <summary>Turns a non-success response into an <see cref="ApiProblem"/>, whatever its body looks like.</summary>
internal static class ApiProblemReader
{
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string? title = null;
        string? detail = null;
        // Case-insensitive so "email" from the Api matches a form's "Email" property.
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    title = StringOf(root, "title");
                    detail = StringOf(root, "detail");
                    if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in fields.EnumerateObject())
                        {
                            errors[field.Name] = MessagesOf(field.Value);
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML error page, say): the status alone still tells the page what happened.
            }
        }

        // A 5xx title is written for operators, not for the person filling in the form.
        if (status >= 500)
        {
            title = "Something went wrong on our side. Try again in a moment.";
            detail = null;
        }

        return new ApiProblem(status, title ?? DefaultTitle(status), detail, errors);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string[] MessagesOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToArray(),
        JsonValueKind.String => [value.GetString()!],
        _ => [],
    };

    private static string DefaultTitle(int status) => status switch
    {
        400 => "Please check the form.",
        401 => "Your session has ended. Please sign in again.",
        403 => "You are not allowed to do that.",
        404 => "That could not be found.",
        409 => "That already exists.",
        429 => "Too many attempts, try again later.",
        _ => "The request failed.",
    };
}
