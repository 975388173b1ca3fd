using System.Text.RegularExpressions;

namespace Arkoa.Core.Scim;

/// <summary>
/// A PATCH operation's <c>path</c> (RFC 7644 §3.5.2): an attribute, optionally a sub-attribute (<c>name.givenName</c>),
/// optionally one equality filter on a multi-valued attribute (<c>members[value eq "…"]</c>,
/// <c>emails[type eq "work"].value</c>), optionally prefixed by its schema URN. <see cref="Attribute"/> is lower-case
/// (attribute names are case-insensitive), with the core schema removed and an extension's URN kept in front.
/// </summary>
public sealed partial record ScimPath(string Attribute, string? FilterAttribute, string? FilterValue, string? SubAttribute)
{
    public const int MaxLength = 500;

    public static (ScimPath? Path, ScimError? Error) Parse(string text)
    {
        if (text.Length is 0 or > MaxLength) return (null, ScimError.InvalidPath($"A path has 1 to {MaxLength} characters."));
        var schema = "";
        var rest = ScimFilter.StripCoreSchema(text);
        if (rest.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var split = rest.LastIndexOf(':');
            schema = rest[..(split + 1)].ToLowerInvariant();
            rest = rest[(split + 1)..];
        }
        var match = PathPattern().Match(rest);
        if (!match.Success) return (null, ScimError.InvalidPath($"\"{Shorten(text)}\" is not a SCIM attribute path."));
        string? filterValue = null;
        if (match.Groups["fval"].Success)
        {
            var (filter, error) = ScimFilter.Parse($"{match.Groups["fattr"].Value} eq {match.Groups["fval"].Value}", [match.Groups["fattr"].Value]);
            if (error is not null) return (null, ScimError.InvalidPath($"\"{Shorten(text)}\" has a filter Arkoa cannot read."));
            filterValue = filter!.Value;
        }
        return (new ScimPath(
            schema + match.Groups["attr"].Value.ToLowerInvariant(),
            match.Groups["fattr"].Success ? match.Groups["fattr"].Value.ToLowerInvariant() : null,
            filterValue,
            match.Groups["sub"].Success ? match.Groups["sub"].Value.ToLowerInvariant() : null), null);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("""^(?<attr>[A-Za-z][A-Za-z0-9_$-]*(?:\.[A-Za-z][A-Za-z0-9_$-]*)?)(?:\[\s*(?<fattr>[A-Za-z][A-Za-z0-9_$-]*)\s+eq\s+(?<fval>"(?:[^"\\]|\\.)*")\s*\])?(?:\.(?<sub>[A-Za-z][A-Za-z0-9_$-]*))?$""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PathPattern();
}
