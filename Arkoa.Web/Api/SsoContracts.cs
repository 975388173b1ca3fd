namespace Arkoa.Web.Api;

/// <summary>A company whose single sign-on takes an address's domain.</summary>
public sealed record SsoCompany(string CompanyId, string CompanyName);

public sealed record SsoDiscovery(List<SsoCompany> Companies);

/// <summary>Where to send a person to sign in with the company's provider.</summary>
public sealed record SsoAuthorization(string CompanyId, string CompanyName, string AuthorizationEndpoint, string ClientId, string Scope);

/// <summary>What the Web's callback received, for the Api to redeem and check.</summary>
public sealed record SsoSessionRequest(string CompanyId, string Code, string CodeVerifier, string RedirectUri, string Nonce);

/// <summary>The company's single sign-on settings, never its client secret.</summary>
public sealed record SsoSettings(
    bool Configured, string? Issuer, string? ClientId, bool ClientSecretSet, List<string> AllowedDomains,
    bool Mandatory, bool Enabled, string RedirectPath, DateTime? UpdatedAt);

/// <summary>PUT of the settings; a null secret keeps the stored one.</summary>
public sealed record SsoSettingsRequest(
    string Issuer, string ClientId, string? ClientSecret, List<string> AllowedDomains, bool Mandatory, bool Enabled);
