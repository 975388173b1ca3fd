namespace Arkoa.Web.Api;

// The profile page: the account, its calendar feed, its GDPR export and erasure.
public sealed partial class ArkoaApiClient
{
    public Task<ApiResult<SessionUser>> GetMeAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<SessionUser>("api/auth/session", cancellationToken);

    /// <summary>
    /// Changes the name, the language, and/or asks for a new e-mail address (which needs the current password and only
    /// becomes the account's once the link mailed to it is followed); null fields stay as they are.
    /// </summary>
    public Task<ApiResult<ApiUser>> UpdateMeAsync(
        string? name, string? email, string? language, string? currentPassword = null,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync<ApiUser>(HttpMethod.Patch, "api/users/me", new UpdateMeRequest(name, email, language, currentPassword), cancellationToken);

    /// <summary>Saves the account's colour theme ("system", "light" or "dark").</summary>
    public Task<ApiResult<ApiUser>> UpdateMyThemeAsync(string theme, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ApiUser>(HttpMethod.Patch, "api/users/me", new UpdateMeRequest(null, null, null, Theme: theme), cancellationToken);

    public Task<ApiResult<CalendarLink>> GetCalendarLinkAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<CalendarLink>($"api/users/me/calendar-link?companyId={Uri.EscapeDataString(companyId)}", cancellationToken);

    /// <summary>A new feed secret: every address given before stops working (one secret serves all companies).</summary>
    public Task<ApiResult<CalendarLink>> RotateCalendarLinkAsync(string companyId, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CalendarLink>(HttpMethod.Post, $"api/users/me/calendar-link/rotate?companyId={Uri.EscapeDataString(companyId)}", null, cancellationToken);

    /// <summary>Erases the account (GDPR); the Api checks the password.</summary>
    public Task<ApiProblem?> DeleteMeAsync(string password, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, "api/users/me", new DeleteMeRequest(password), cancellationToken);

    /// <summary>
    /// Starts a download (a CSV export, the GDPR export, an iCal feed) and hands back the Api's response unread, so
    /// the Web can stream it on; the caller disposes it. Null when the Api could not be reached.
    /// </summary>
    public async Task<HttpResponseMessage?> OpenDownloadAsync(string path, bool withoutSession, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (withoutSession) SessionTokenHandler.WithoutSession(request);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            LogUnreachable(logger, exception, "GET", SensitiveUrl.Redact(path));
            return null;
        }
    }

    /// <summary>The problem behind a failed download response.</summary>
    public static Task<ApiProblem> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ApiProblemReader.ReadAsync(response, cancellationToken);
}
