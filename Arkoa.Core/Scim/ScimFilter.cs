using System.Text.Json;
using Arkoa.Core.Text;

namespace Arkoa.Core.Scim;

/// <summary>
/// A list filter Arkoa answers: one attribute compared for equality with a quoted string (<c>userName eq "ada@x.test"</c>),
/// which is what Entra ID and Okta send to find a user or a group before creating it. Anything richer (other operators,
/// <c>and</c>/<c>or</c>, unsupported attributes) is refused as <c>invalidFilter</c> rather than half-answered.
/// </summary>
public sealed record ScimFilter(string Attribute, string Value)
{
    public const int MaxLength = 1000;

    /// <summary>
    /// Parses <paramref name="text"/> for a resource whose filterable attributes are <paramref name="attributes"/>
    /// (canonical spelling; matched case-insensitively as RFC 7643 §2.1 says). Returns the filter with the canonical
    /// attribute, or the refusal.
    /// </summary>
    public static (ScimFilter? Filter, ScimError? Error) Parse(string text, IReadOnlyCollection<string> attributes)
    {
        if (text.Length > MaxLength) return (null, ScimError.InvalidFilter($"A filter has at most {MaxLength} characters."));
        if (ControlCharacters.AnyRefused(text)) return (null, ScimError.InvalidFilter("The filter contains control characters."));
        var trimmed = text.Trim();
        var firstSpace = trimmed.IndexOf(' ');
        if (firstSpace <= 0) return (null, Unsupported(attributes));
        var attribute = StripCoreSchema(trimmed[..firstSpace]);
        var rest = trimmed[(firstSpace + 1)..].TrimStart();
        if (!rest.StartsWith("eq ", StringComparison.OrdinalIgnoreCase)) return (null, Unsupported(attributes));
        var literal = rest[3..].Trim();
        var canonical = attributes.FirstOrDefault(a => string.Equals(a, attribute, StringComparison.OrdinalIgnoreCase));
        if (canonical is null) return (null, Unsupported(attributes));
        if (ReadString(literal) is not { } value) return (null, ScimError.InvalidFilter("The value must be one quoted string, as in userName eq \"ada@example.com\"."));
        return (new ScimFilter(canonical, value), null);
    }

    private static ScimError Unsupported(IReadOnlyCollection<string> attributes) => ScimError.InvalidFilter(
        $"Arkoa filters with one equality only: {string.Join(" or ", attributes.Select(a => $"{a} eq \"…\""))}.");

    /// <summary>A JSON string literal and nothing after it (so <c>"a" or x eq "b"</c> is refused), or null.</summary>
    private static string? ReadString(string literal)
    {
        if (literal.Length < 2 || literal[0] != '"' || literal[^1] != '"') return null;
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(literal));
            if (!reader.Read() || reader.TokenType != JsonTokenType.String) return null;
            var value = reader.GetString();
            return reader.Read() ? null : value;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>RFC 7644 allows the fully qualified name (<c>urn:…:core:2.0:User:userName</c>); Arkoa compares the short one.</summary>
    internal static string StripCoreSchema(string attribute)
    {
        foreach (var schema in new[] { ScimSchemas.User, ScimSchemas.Group })
        {
            if (attribute.StartsWith(schema + ":", StringComparison.OrdinalIgnoreCase)) return attribute[(schema.Length + 1)..];
        }
        return attribute;
    }
}
