namespace Arkoa.Core.Tokens;

/// <summary>
/// What a personal API token may do, at most; never more than its owner's current role allows.
/// </summary>
[Flags]
public enum ApiTokenScopes
{
    None = 0,

    /// <summary>Every read (GET) of the token's company the owner may make.</summary>
    Read = 1,

    /// <summary>Requesting, editing, cancelling (and asking to cancel) the owner's own leaves.</summary>
    Write = 2,

    /// <summary>Managers' decisions: reviewing leaves and cancellation requests, balance adjustments, acting on others' leaves.</summary>
    Approve = 4,
}

/// <summary>The scopes' wire and storage names (read, write, approve), in that order.</summary>
public static class ApiTokenScopeNames
{
    public static readonly IReadOnlyList<(ApiTokenScopes Scope, string Name)> All =
        [(ApiTokenScopes.Read, "read"), (ApiTokenScopes.Write, "write"), (ApiTokenScopes.Approve, "approve")];

    public static readonly IReadOnlyList<string> Names = All.Select(s => s.Name).ToList();

    public static string Name(ApiTokenScopes scope) => All.Single(s => s.Scope == scope).Name;

    /// <summary>The flags of the names, or null when one is unknown. Repeats are harmless.</summary>
    public static ApiTokenScopes? Parse(IEnumerable<string> names)
    {
        var scopes = ApiTokenScopes.None;
        foreach (var name in names)
        {
            var match = All.FirstOrDefault(s => s.Name == name);
            if (match.Name is null) return null;
            scopes |= match.Scope;
        }
        return scopes;
    }

    /// <summary>The names of the flags, in the catalogue's order.</summary>
    public static string[] Format(ApiTokenScopes scopes) => All.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name).ToArray();
}
