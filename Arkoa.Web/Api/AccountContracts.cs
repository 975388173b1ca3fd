namespace Arkoa.Web.Api;

// Wire shapes of the Api's password endpoints (JSON, camelCase).

internal sealed record ForgotPasswordRequest(string Email);

internal sealed record ResetPasswordRequest(string Token, string Password);

internal sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

internal sealed record UpdateLanguageRequest(string Language);
