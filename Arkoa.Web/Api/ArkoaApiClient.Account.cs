namespace Arkoa.Web.Api;

// Forgotten, reset and changed passwords. Each returns null when the Api did it, else the problem to show.
public sealed partial class ArkoaApiClient
{
    public Task<ApiProblem?> ForgotPasswordAsync(string email, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/forgot-password", new ForgotPasswordRequest(email), cancellationToken,
            withoutSession: true);

    public Task<ApiProblem?> ResetPasswordAsync(string resetToken, string password, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/reset-password",
            new ResetPasswordRequest(resetToken, password), cancellationToken, withoutSession: true);

    public Task<ApiProblem?> ChangePasswordAsync(
        string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, "api/auth/change-password",
            new ChangePasswordRequest(currentPassword, newPassword), cancellationToken);

    /// <summary>Saves the user's language ("fr" or "en") on their account.</summary>
    public Task<ApiProblem?> UpdateMyLanguageAsync(string language, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Patch, "api/users/me", new UpdateLanguageRequest(language), cancellationToken);
}
