namespace Arkoa.Web.Api;

// The profile's personal API tokens: listed, created (the secret shown once) and revoked.
public sealed partial class ArkoaApiClient
{
    private const string ApiTokensPath = "api/users/me/api-tokens";

    public Task<ApiResult<List<ApiTokenItem>>> GetApiTokensAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<ApiTokenItem>>(ApiTokensPath, cancellationToken);

    public Task<ApiResult<CreatedApiToken>> CreateApiTokenAsync(
        string companyId, string name, IReadOnlyList<string> scopes, int expiresInDays, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreatedApiToken>(HttpMethod.Post, ApiTokensPath, new { companyId, name, scopes, expiresInDays }, cancellationToken);

    /// <summary>Revokes one token; null when done.</summary>
    public Task<ApiProblem?> RevokeApiTokenAsync(string tokenId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{ApiTokensPath}/{Uri.EscapeDataString(tokenId)}", null, cancellationToken);
}
