using Arkoa.Core.Domain;

namespace Arkoa.Core.Tokens;

/// <summary>
/// What a new company API token must be: the shape of any token (<see cref="ApiTokenRules.CheckShape"/>: name, scopes,
/// 1 to 366 days, 90 unless said), created by an active admin of the company, at most <see cref="MaxTokensPerCompany"/>
/// live ones. Any scope may be given: the token acts with a manager's reach, whoever holds it.
/// </summary>
public static class CompanyApiTokenRules
{
    public const int MaxTokensPerCompany = 50;

    public static readonly DomainError AdminOnly = new(ProblemCodes.AdminOnlyApiTokens, DomainErrorKind.Forbidden,
        "Only an admin of the company can manage its API tokens.");

    public static readonly DomainError TooMany = new(ProblemCodes.TooManyTokens, DomainErrorKind.Conflict,
        $"The company already has {MaxTokensPerCompany} API tokens: revoke one first.", null,
        new Dictionary<string, object?> { ["max"] = MaxTokensPerCompany });

    /// <summary>Why <paramref name="caller"/> (their active membership, or null) may not manage the company's tokens, or null.</summary>
    public static DomainError? ManageRefusal(Membership? caller) =>
        caller is not { Active: true } ? ApiTokenErrors.NotAMember
        : caller.Role != UserRole.ADMIN ? AdminOnly
        : null;

    /// <summary>
    /// Checks a request for a token by <paramref name="creator"/> in a company that already holds <paramref name="live"/>
    /// unrevoked, unexpired tokens; returns the scopes to give, or the refusal.
    /// </summary>
    public static (ApiTokenScopes Scopes, DomainError? Error) CheckCreate(
        string? name, IReadOnlyCollection<string>? scopeNames, int? expiresInDays, Membership? creator, int live)
    {
        if (ManageRefusal(creator) is { } refusal) return (default, refusal);
        var (scopes, error) = ApiTokenRules.CheckShape(name, scopeNames, expiresInDays);
        if (error is not null) return (default, error);
        if (live >= MaxTokensPerCompany) return (default, TooMany);
        return (scopes, null);
    }

    /// <summary>A company token works until its expiry instant, excluded, unless revoked.</summary>
    public static bool IsLive(DateTime expiresAt, DateTime? revokedAt, DateTime now) => revokedAt is null && ApiTokenRules.IsLive(expiresAt, now);
}
