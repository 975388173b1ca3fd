using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;

namespace Arkoa.Core.Sso;

/// <summary>
/// What a company's identity provider settings must be. The issuer is an address the Api will fetch (discovery, keys,
/// token endpoint), so it follows the webhooks' rules against server-side request forgery (<see cref="WebhookTargetRules"/>:
/// https to a public host; loopback over http only when private targets are allowed, in Development), and OpenID
/// Connect's own: no query nor fragment.
/// </summary>
public static class SsoProviderRules
{
    public const int IssuerMaxLength = 500;
    public const int ClientIdMaxLength = 300;
    public const int ClientSecretMaxLength = 1000;
    public const int MaxDomains = 20;

    /// <summary>The Web's callback, on its public address: the redirect URI an admin registers at the provider.</summary>
    public const string RedirectPath = "/account/sso/callback";

    /// <summary>Only a company's admins manage its single sign-on: it decides who may enter as its members.</summary>
    public static DomainError? CheckManager(Membership? caller) =>
        caller is { Active: true, Role: UserRole.ADMIN } ? null : SsoErrors.AdminOnly;

    /// <summary>
    /// Checks the settings to save; a null <paramref name="clientSecret"/> keeps the stored one (refused when there is
    /// none yet). Returns the normalised issuer and domains, or the refusal.
    /// </summary>
    public static (string Issuer, string[] Domains, DomainError? Error) Check(
        string? issuer, string? clientId, string? clientSecret, bool hasSecret, IReadOnlyCollection<string>? domains, bool allowPrivateTargets)
    {
        var issuerError = CheckIssuer(issuer, allowPrivateTargets);
        if (issuerError is not null) return ("", [], issuerError);
        if (string.IsNullOrWhiteSpace(clientId)) return ("", [], SsoErrors.Required("clientId"));
        if (clientId.Trim().Length > ClientIdMaxLength) return ("", [], SsoErrors.TooLong("clientId", ClientIdMaxLength));
        if (clientSecret is null ? !hasSecret : clientSecret.Trim().Length == 0) return ("", [], SsoErrors.Required("clientSecret"));
        if (clientSecret is not null && clientSecret.Trim().Length > ClientSecretMaxLength) return ("", [], SsoErrors.TooLong("clientSecret", ClientSecretMaxLength));
        var (normalized, domainError) = CheckDomains(domains);
        return domainError is null ? (NormalizeIssuer(issuer!), normalized, null) : ("", [], domainError);
    }

    /// <summary>The issuer as stored and compared: trimmed, without a trailing slash (tokens are matched the same way).</summary>
    public static string NormalizeIssuer(string issuer) => issuer.Trim().TrimEnd('/');

    /// <summary>The provider's discovery document, where OpenID Connect Discovery puts it under the issuer.</summary>
    public static string DiscoveryAddress(string issuer) => NormalizeIssuer(issuer) + "/.well-known/openid-configuration";

    private static DomainError? CheckIssuer(string? issuer, bool allowPrivateTargets)
    {
        if (string.IsNullOrWhiteSpace(issuer)) return SsoErrors.Required("issuer");
        var trimmed = issuer.Trim();
        if (trimmed.Length > IssuerMaxLength) return SsoErrors.TooLong("issuer", IssuerMaxLength);
        if (WebhookTargetRules.CheckUrl(trimmed, allowPrivateTargets) is { } refusal) return SsoErrors.IssuerNotAllowed(refusal);
        // OpenID Connect Discovery §3: an issuer has no query or fragment (the fragment is already refused above).
        return new Uri(trimmed).Query.Length > 0 ? SsoErrors.IssuerNotAllowed("query", "The issuer cannot contain a query (?…).") : null;
    }

    private static (string[] Domains, DomainError? Error) CheckDomains(IReadOnlyCollection<string>? domains)
    {
        if (domains is null || domains.Count == 0) return ([], SsoErrors.DomainsRequired);
        var normalized = new List<string>();
        foreach (var domain in domains)
        {
            if (SsoEmailDomains.Normalize(domain) is not { } value) return ([], SsoErrors.InvalidDomain(domain ?? ""));
            if (!normalized.Contains(value)) normalized.Add(value);
        }
        if (normalized.Count > MaxDomains) return ([], SsoErrors.TooManyDomains);
        return (normalized.ToArray(), null);
    }
}
