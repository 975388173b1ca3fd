using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Web.Localization;
using Polly;

namespace Arkoa.Web.Api;

/// <summary>
/// Typed client for the Arkoa Api. Calls never throw for an HTTP error or an unreachable Api:
/// the pages get an <see cref="ApiProblem"/> they can show next to the form instead of an error page.
/// </summary>
/// <remarks>
/// <paramref name="http"/> has its base address set to the Aspire service "api" in Program.cs.
/// Calls go with the signed-in person's Api session (<see cref="SessionTokenHandler"/> attaches it); those made for
/// someone not signed in, or with a credential of their own (a password, a mailed link's token), go without it.
/// </remarks>
public sealed partial class ArkoaApiClient(HttpClient http, ProblemLocalizer problems, ILogger<ArkoaApiClient> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Creates the account (or, for an address that has one, mails its owner): the Api answers the same either way and
    /// opens no session; the person confirms the address from the mail and signs in. Null when the Api took it.
    /// </summary>
    public Task<ApiProblem?> SignUpAsync(
        string name, string email, string password, string language, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/sign-up",
            new SignUpRequest(name, email, password, language), cancellationToken, withoutSession: true);

    public Task<ApiResult<AuthResponse>> SignInAsync(
        string email, string password, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/auth/sign-in",
            new SignInRequest(email, password), ReadJsonAsync<AuthResponse>, cancellationToken, withoutSession: true);

    /// <summary>Ends the signed-in person's Api session; returns <c>null</c> when it ended.</summary>
    public async Task<ApiProblem?> SignOutAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Post, "api/auth/sign-out",
            body: null, static (_, _) => Task.FromResult(true), cancellationToken);
        return result.Problem;
    }

    /// <summary>Confirms an e-mail address with the token from the verification mail; returns <c>null</c> when done.</summary>
    public async Task<ApiProblem?> VerifyEmailAsync(string verificationToken, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Post, "api/auth/verify-email",
            new VerifyEmailRequest(verificationToken), static (_, _) => Task.FromResult(true), cancellationToken, withoutSession: true);
        return result.Problem;
    }

    /// <summary>Mails the signed-in user a new link to confirm their address; null when it is on its way.</summary>
    public Task<ApiProblem?> ResendVerificationAsync(CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/resend-verification", body: null, cancellationToken);

    /// <summary>Follows the link mailed to a new address (the account moves to it); null when done.</summary>
    public Task<ApiProblem?> ConfirmEmailChangeAsync(string linkToken, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/confirm-email-change",
            new EmailChangeLinkRequest(linkToken), cancellationToken, withoutSession: true);

    /// <summary>Follows the undo link mailed to a former address (it takes the account back); null when done.</summary>
    public Task<ApiProblem?> UndoEmailChangeAsync(string linkToken, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/undo-email-change",
            new EmailChangeLinkRequest(linkToken), cancellationToken, withoutSession: true);

    /// <summary>The first 50 companies the caller belongs to (the page shows how many there are in all).</summary>
    public Task<ApiResult<PagedList<Company>>> GetMyCompaniesAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<PagedList<Company>>("api/companies?page=1&pageSize=50", cancellationToken);

    /// <summary>One company as the caller sees it (with their membership and role); 403 when they are not a member.</summary>
    public Task<ApiResult<Company>> GetCompanyAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<Company>(CompanyUrl(companyId), cancellationToken);

    public Task<ApiResult<Company>> CreateCompanyAsync(
        string name, int annualLeaveDays, CancellationToken cancellationToken = default) =>
        SendJsonAsync<Company>(HttpMethod.Post, "api/companies", new CreateCompanyRequest(name, annualLeaveDays), cancellationToken);

    private static string CompanyUrl(string companyId) => $"api/companies/{Uri.EscapeDataString(companyId)}";

    private static string MemberUrl(string companyId, string membershipId) =>
        $"{CompanyUrl(companyId)}/memberships/{Uri.EscapeDataString(membershipId)}";

    /// <summary>GET <paramref name="path"/> and read its JSON answer.</summary>
    private Task<ApiResult<T>> GetJsonAsync<T>(string path, CancellationToken cancellationToken) where T : notnull =>
        SendAsync(HttpMethod.Get, path, body: null, ReadJsonAsync<T>, cancellationToken);

    /// <summary>Send <paramref name="body"/> (or nothing) as JSON and read the JSON answer.</summary>
    private Task<ApiResult<T>> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        where T : notnull =>
        SendAsync(method, path, body, ReadJsonAsync<T>, cancellationToken);

    /// <summary>For calls whose answer has nothing the page needs: null when the Api did it, else the problem to show.</summary>
    private async Task<ApiProblem?> SendWithoutResultAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool withoutSession = false)
    {
        var result = await SendAsync(method, path, body, static (_, _) => Task.FromResult(true), cancellationToken, withoutSession);
        return result.Problem;
    }

    private async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method,
        string path,
        object? body,
        Func<HttpContent, CancellationToken, Task<T>> readValue,
        CancellationToken cancellationToken,
        bool withoutSession = false) where T : notnull
    {
        using var request = new HttpRequestMessage(method, path);
        if (withoutSession) SessionTokenHandler.WithoutSession(request);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await ApiProblemReader.ReadAsync(response, cancellationToken);
                if (problem.Status >= 500)
                {
                    LogServerError(logger, method.Method, SensitiveUrl.Redact(path), problem.Status);
                }
                return ApiResult<T>.Failure(problems.Localize(problem));
            }

            return ApiResult<T>.Success(await readValue(response.Content, cancellationToken));
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            // Paths can hold a secret (an invitation token): logs get the redacted form.
            LogUnreachable(logger, exception, method.Method, SensitiveUrl.Redact(path));
            return ApiResult<T>.Failure(problems.Localize(ApiProblem.Unavailable));
        }
    }

    // A success without the promised body is a contract bug, so it is allowed to surface as an error page.
    private static async Task<T> ReadJsonAsync<T>(HttpContent content, CancellationToken cancellationToken) =>
        await content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"The Api answered with an empty {typeof(T).Name}.");

    // Connection failures, timeouts and an open circuit all mean "the Api is not there right now";
    // a cancellation the caller asked for (the browser went away) is not, and keeps propagating.
    private static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or ExecutionRejectedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Api call {Method} {Path} failed: the Api could not be reached.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Api call {Method} {Path} answered {Status}.")]
    private static partial void LogServerError(ILogger logger, string method, string path, int status);
}
