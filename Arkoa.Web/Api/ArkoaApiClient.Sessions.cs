namespace Arkoa.Web.Api;

// The profile's list of sessions: where the account is signed in, and signing out there.
public sealed partial class ArkoaApiClient
{
    public Task<ApiResult<List<AccountSession>>> GetSessionsAsync(string token, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<AccountSession>>("api/auth/sessions", token, cancellationToken);

    /// <summary>Signs one session out; null when done.</summary>
    public Task<ApiProblem?> EndSessionAsync(string token, string sessionId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"api/auth/sessions/{Uri.EscapeDataString(sessionId)}", token, null, cancellationToken);

    /// <summary>Signs every session out, the caller's own included; null when done.</summary>
    public Task<ApiProblem?> EndAllSessionsAsync(string token, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, "api/auth/sessions", token, null, cancellationToken);
}
