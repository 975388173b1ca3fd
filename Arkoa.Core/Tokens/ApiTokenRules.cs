using Arkoa.Core.Domain;

namespace Arkoa.Core.Tokens;

/// <summary>What a new personal API token must be: a name, known scopes the owner may hold, a bounded life.</summary>
public static class ApiTokenRules
{
    public const int NameMaxLength = 100;
    public const int DefaultLifetimeDays = 90;
    public const int MaxLifetimeDays = 366;
    public const int MaxTokensPerPerson = 50;

    /// <summary>
    /// Checks a request for a token by <paramref name="owner"/> (their active membership in the company, or null), who
    /// already holds <paramref name="existing"/> tokens; returns the scopes to give, or the refusal.
    /// </summary>
    public static (ApiTokenScopes Scopes, DomainError? Error) CheckCreate(
        string? name, IReadOnlyCollection<string>? scopeNames, int? expiresInDays, Membership? owner, int existing)
    {
        var (scopes, error) = CheckShape(name, scopeNames, expiresInDays);
        if (error is not null) return (default, error);
        if (owner is not { Active: true }) return (default, ApiTokenErrors.NotAMember);
        if (scopes.HasFlag(ApiTokenScopes.Approve) && !owner.IsManager) return (default, ApiTokenErrors.ApproveNeedsManager);
        if (existing >= MaxTokensPerPerson) return (default, ApiTokenErrors.TooMany);
        return (scopes, null);
    }

    /// <summary>
    /// What any API token, personal or company, must be: a name of at most <see cref="NameMaxLength"/> characters, at
    /// least one known scope, a life of 1 to <see cref="MaxLifetimeDays"/> days when given. Returns the scopes or the refusal.
    /// </summary>
    public static (ApiTokenScopes Scopes, DomainError? Error) CheckShape(string? name, IReadOnlyCollection<string>? scopeNames, int? expiresInDays)
    {
        if (string.IsNullOrWhiteSpace(name)) return (default, ApiTokenErrors.NameRequired);
        if (name.Trim().Length > NameMaxLength) return (default, ApiTokenErrors.NameTooLong);
        if (scopeNames is null || scopeNames.Count == 0) return (default, ApiTokenErrors.ScopesRequired);
        if (ApiTokenScopeNames.Parse(scopeNames) is not { } scopes) return (default, ApiTokenErrors.UnknownScope);
        if (expiresInDays is < 1 or > MaxLifetimeDays) return (default, ApiTokenErrors.ExpiryOutOfRange);
        return (scopes, null);
    }

    /// <summary>When a token created at <paramref name="now"/> for <paramref name="days"/> (90 unless said) stops working.</summary>
    public static DateTime ExpiresAt(DateTime now, int? days) => now.AddDays(days ?? DefaultLifetimeDays);

    /// <summary>A token works until its expiry instant, excluded.</summary>
    public static bool IsLive(DateTime expiresAt, DateTime now) => now < expiresAt;
}
