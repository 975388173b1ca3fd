namespace Arkoa.Web.Api;

/// <summary>
/// A failed Api call as the pages see it: the RFC 7807 problem the Api sent (or one made up from the
/// status when the body was not a problem document), with validation messages keyed by field.
/// </summary>
/// <param name="Status">The HTTP status of the response (503 when the Api could not be reached).</param>
/// <param name="Title">A short, human-readable summary.</param>
/// <param name="Detail">An optional longer explanation.</param>
/// <param name="Errors">Field name (as the Api spells it, matched case-insensitively) → messages.</param>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>What the pages show when the Api is down or too slow, instead of an error page.</summary>
    public static ApiProblem Unavailable { get; } = new(
        503,
        "Arkoa is unavailable right now. Try again in a moment.",
        null,
        new Dictionary<string, string[]>());

    /// <summary>The Api no longer accepts the session token: the Web session must end too.</summary>
    public bool IsUnauthorized => Status == 401;
}
