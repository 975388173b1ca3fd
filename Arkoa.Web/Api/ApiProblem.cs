using System.Text.Json;

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
    private static readonly IReadOnlyDictionary<string, JsonElement> NoValues = new Dictionary<string, JsonElement>();

    /// <summary>What the pages show when the Api is down or too slow, instead of an error page.</summary>
    public static ApiProblem Unavailable { get; } = new(
        503,
        "Arkoa is unavailable right now. Try again in a moment.",
        null,
        new Dictionary<string, string[]>())
    { Code = "unavailable" };

    /// <summary>The Api's stable code (docs/problem-codes.md), or null when the answer had none.</summary>
    public string? Code { get; init; }

    /// <summary>The values the problem was built from (e.g. <c>requested</c>, <c>remaining</c>, <c>leaveId</c>).</summary>
    public IReadOnlyDictionary<string, JsonElement> Values { get; init; } = NoValues;

    /// <summary>Field → the codes of its messages in <see cref="Errors"/>, same order.</summary>
    public IReadOnlyDictionary<string, string[]> ErrorCodes { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Field → the values of each of its messages, same order (empty when none).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>[]> ErrorValues { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, JsonElement>[]>();

    /// <summary>The Api no longer accepts the session token: the Web session must end too.</summary>
    public bool IsUnauthorized => Status == 401;
}
