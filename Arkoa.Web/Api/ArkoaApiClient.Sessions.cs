namespace Arkoa.Web.Api;

// The profile's list of sessions: where the account is signed in, and signing out there.
public sealed partial class ArkoaApiClient
{
    public Task<ApiResult<List<AccountSession>>> GetSessionsAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<AccountSession>>("api/auth/sessions", cancellationToken);

    /// <summary>Signs one session out; null when done.</summary>
    public Task<ApiProblem?> EndSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"api/auth/sessions/{Uri.EscapeDataString(sessionId)}", null, cancellationToken);

    /// <summary>Signs every session out, the caller's own included; null when done.</summary>
    public Task<ApiProblem?> EndAllSessionsAsync(CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, "api/auth/sessions", null, cancellationToken);
}
