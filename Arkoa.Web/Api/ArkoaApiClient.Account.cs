namespace Arkoa.Web.Api;

// Forgotten, reset and changed passwords. Each returns null when the Api did it, else the problem to show.
public sealed partial class ArkoaApiClient
{
    public Task<ApiProblem?> ForgotPasswordAsync(string email, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/forgot-password", token: null, new ForgotPasswordRequest(email), cancellationToken);

    public Task<ApiProblem?> ResetPasswordAsync(string resetToken, string password, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/reset-password", token: null,
            new ResetPasswordRequest(resetToken, password), cancellationToken);

    public Task<ApiProblem?> ChangePasswordAsync(
        string token, string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/change-password", token,
            new ChangePasswordRequest(currentPassword, newPassword), cancellationToken);

    private async Task<ApiProblem?> SendWithoutResultAsync(
        HttpMethod method, string path, string? token, object body, CancellationToken cancellationToken)
    {
        var result = await SendAsync(method, path, token, body, static (_, _) => Task.FromResult(true), cancellationToken);
        return result.Problem;
    }
}
