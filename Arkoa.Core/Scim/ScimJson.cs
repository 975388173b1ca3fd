using System.Text.Json;
using Arkoa.Core.Text;

namespace Arkoa.Core.Scim;

/// <summary>Reading SCIM JSON: attribute names are case-insensitive (RFC 7643 §2.1), strings are checked as Arkoa's own input is.</summary>
public static class ScimJson
{
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }
        value = default;
        return false;
    }

    /// <summary>The body's <c>schemas</c> must list <paramref name="required"/>: an unknown or missing schema is refused.</summary>
    public static ScimError? CheckSchemas(JsonElement body, string required)
    {
        if (!TryGetProperty(body, "schemas", out var schemas) || schemas.ValueKind != JsonValueKind.Array
            || !schemas.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.String && string.Equals(s.GetString(), required, StringComparison.OrdinalIgnoreCase)))
        {
            return ScimError.InvalidSyntax($"schemas must list {required}.");
        }
        return null;
    }

    /// <summary>A string of at most <paramref name="maxLength"/> characters without control characters, trimmed; or the refusal naming <paramref name="attribute"/>.</summary>
    public static (string? Value, ScimError? Error) ReadString(JsonElement value, string attribute, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String) return (null, ScimError.InvalidValue($"{attribute} must be a string."));
        var text = value.GetString()!.Trim();
        if (text.Length > maxLength) return (null, ScimError.InvalidValue($"{attribute} has at most {maxLength} characters."));
        if (ControlCharacters.AnyRefused(text)) return (null, ScimError.InvalidValue($"{attribute} contains control characters."));
        return (text, null);
    }

    /// <summary>A boolean, or the strings "true"/"false" in any case (Entra ID sends <c>"value": "False"</c>).</summary>
    public static (bool? Value, ScimError? Error) ReadBoolean(JsonElement value, string attribute) => value.ValueKind switch
    {
        JsonValueKind.True => (true, null),
        JsonValueKind.False => (false, null),
        JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => (parsed, null),
        _ => (null, ScimError.InvalidValue($"{attribute} must be true or false.")),
    };
}
