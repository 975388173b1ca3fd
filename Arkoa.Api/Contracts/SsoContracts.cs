using System.ComponentModel.DataAnnotations;

namespace Arkoa.Api.Contracts;

/// <summary>
/// PUT /api/companies/{companyId}/sso: the whole settings. <see cref="ClientSecret"/> is write-only: left out (null) it
/// keeps the stored one, which is never given back.
/// </summary>
public sealed record SsoProviderRequest(
    [property: StringLength(500)] string? Issuer,
    [property: StringLength(300)] string? ClientId,
    [property: StringLength(1000)] string? ClientSecret,
    [property: MaxLength(20)] IReadOnlyList<string>? AllowedDomains,
    bool Mandatory = false,
    bool Enabled = true);

/// <summary>
/// The company's single sign-on, never its client secret (<see cref="ClientSecretSet"/> says whether one is stored).
/// <see cref="Configured"/> is false when there is none; <see cref="RedirectPath"/> is the path, on the Web's address,
/// to register at the provider as the redirect URI.
/// </summary>
public sealed record SsoProviderResponse(
    bool Configured, string? Issuer, string? ClientId, bool ClientSecretSet, IReadOnlyList<string> AllowedDomains,
    bool Mandatory, bool Enabled, string RedirectPath, DateTime? UpdatedAt);

/// <summary>A company whose single sign-on takes the given address's domain.</summary>
public sealed record SsoCompany(Guid CompanyId, string CompanyName);

/// <summary>GET /api/sso/discover?domain=: the companies whose single sign-on takes the e-mail domain (none most often).</summary>
public sealed record SsoDiscoveryResponse(IReadOnlyList<SsoCompany> Companies);

/// <summary>What the Web needs to send a person to the company's provider (the client id is public: it is in that URL).</summary>
public sealed record SsoAuthorizationResponse(Guid CompanyId, string CompanyName, string AuthorizationEndpoint, string ClientId, string Scope);

/// <summary>
/// POST /api/sso/sessions: what the Web received at its callback, for the Api to redeem and check: the authorization
/// code, the PKCE verifier and nonce of that sign-in, and the redirect URI the code was issued to.
/// </summary>
public sealed record SsoSessionRequest(
    [property: Required] Guid? CompanyId,
    [property: Required, StringLength(4000)] string? Code,
    [property: Required, StringLength(200, MinimumLength = 43)] string? CodeVerifier,
    [property: Required, StringLength(2000)] string? RedirectUri,
    [property: Required, StringLength(200)] string? Nonce);
