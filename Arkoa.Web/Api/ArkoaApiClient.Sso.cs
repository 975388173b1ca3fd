namespace Arkoa.Web.Api;

// Single sign-on: finding a company's provider and opening a session from its code (no session of the visitor's own
// goes with those), and the company's settings (admins).
public sealed partial class ArkoaApiClient
{
    private static string SsoSettingsPath(string companyId) => $"{CompanyUrl(companyId)}/sso";

    public Task<ApiResult<SsoDiscovery>> DiscoverSsoAsync(string domain, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"api/sso/discover?domain={Uri.EscapeDataString(domain)}", null, ReadJsonAsync<SsoDiscovery>,
            cancellationToken, withoutSession: true);

    public Task<ApiResult<SsoAuthorization>> GetSsoAuthorizationAsync(string companyId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"api/sso/companies/{Uri.EscapeDataString(companyId)}/authorization", null, ReadJsonAsync<SsoAuthorization>,
            cancellationToken, withoutSession: true);

    public Task<ApiResult<AuthResponse>> OpenSsoSessionAsync(SsoSessionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/sso/sessions", request, ReadJsonAsync<AuthResponse>, cancellationToken, withoutSession: true);

    public Task<ApiResult<SsoSettings>> GetSsoSettingsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<SsoSettings>(SsoSettingsPath(companyId), cancellationToken);

    public Task<ApiResult<SsoSettings>> SetSsoSettingsAsync(string companyId, SsoSettingsRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<SsoSettings>(HttpMethod.Put, SsoSettingsPath(companyId), request, cancellationToken);

    public Task<ApiProblem?> DeleteSsoSettingsAsync(string companyId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, SsoSettingsPath(companyId), null, cancellationToken);
}
