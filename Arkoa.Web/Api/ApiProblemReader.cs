using System.Text.Json;

namespace Arkoa.Web.Api;

/// <summary>Turns a non-success response into an <see cref="ApiProblem"/>, whatever its body looks like.</summary>
internal static class ApiProblemReader
{
    // The members of RFC 7807 and of the Api's field errors; every other member is a value of the problem.
    private static readonly HashSet<string> NotValues = ["type", "title", "status", "detail", "instance", "errors", "code", "errorCodes", "errorValues", "traceId"];

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string? title = null;
        string? detail = null;
        string? code = null;
        // Case-insensitive so "email" from the Api matches a form's "Email" property.
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var errorCodes = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var errorValues = new Dictionary<string, IReadOnlyDictionary<string, JsonElement>[]>(StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

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
                    code = StringOf(root, "code");
                    foreach (var field in Members(root, "errors")) errors[field.Name] = StringsOf(field.Value);
                    foreach (var field in Members(root, "errorCodes")) errorCodes[field.Name] = StringsOf(field.Value);
                    foreach (var field in Members(root, "errorValues"))
                    {
                        errorValues[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(ValuesOf).ToArray()
                            : [];
                    }
                    foreach (var member in root.EnumerateObject().Where(m => !NotValues.Contains(m.Name)))
                    {
                        values[member.Name] = member.Value.Clone();
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

        return new ApiProblem(status, title ?? DefaultTitle(status), detail, errors)
        {
            Code = code, Values = values, ErrorCodes = errorCodes, ErrorValues = errorValues,
        };
    }

    private static IEnumerable<JsonProperty> Members(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : [];

    private static IReadOnlyDictionary<string, JsonElement> ValuesOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : new Dictionary<string, JsonElement>();

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string[] StringsOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToArray(),
        JsonValueKind.String => [value.GetString()!],
        _ => [],
    };

    // English for a client that shows the Api's own words; the Web's ProblemLocalizer says it in the reader's language.
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
