namespace Arkoa.Web.Api;

// The company's SCIM token (admins): its state, created or rotated (the secret shown once), revoked.
public sealed partial class ArkoaApiClient
{
    private static string ScimTokenPath(string companyId) => $"api/companies/{Uri.EscapeDataString(companyId)}/scim-token";

    public Task<ApiResult<ScimTokenState>> GetScimTokenAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<ScimTokenState>(ScimTokenPath(companyId), cancellationToken);

    public Task<ApiResult<CreatedScimToken>> CreateScimTokenAsync(string companyId, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreatedScimToken>(HttpMethod.Post, ScimTokenPath(companyId), null, cancellationToken);

    public Task<ApiProblem?> RevokeScimTokenAsync(string companyId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, ScimTokenPath(companyId), null, cancellationToken);
}
