namespace Arkoa.Web.Api;

// The company's API tokens, for its admins: listed, created (the secret shown once) and revoked.
public sealed partial class ArkoaApiClient
{
    private static string CompanyApiTokensPath(string companyId) => $"api/companies/{Uri.EscapeDataString(companyId)}/api-tokens";

    public Task<ApiResult<List<CompanyApiTokenItem>>> GetCompanyApiTokensAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<CompanyApiTokenItem>>(CompanyApiTokensPath(companyId), cancellationToken);

    public Task<ApiResult<CreatedCompanyApiToken>> CreateCompanyApiTokenAsync(
        string companyId, string name, IReadOnlyList<string> scopes, int expiresInDays, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreatedCompanyApiToken>(HttpMethod.Post, CompanyApiTokensPath(companyId), new { name, scopes, expiresInDays }, cancellationToken);

    /// <summary>Revokes one of the company's tokens; null when done.</summary>
    public Task<ApiProblem?> RevokeCompanyApiTokenAsync(string companyId, string tokenId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{CompanyApiTokensPath(companyId)}/{Uri.EscapeDataString(tokenId)}", null, cancellationToken);
}
