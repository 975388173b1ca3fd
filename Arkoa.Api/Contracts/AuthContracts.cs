using System.ComponentModel.DataAnnotations;

namespace Arkoa.Api.Contracts;

public sealed record SignUpRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string? Name,
    [property: Required, EmailAddress, StringLength(254)] string? Email,
    [property: Required] string? Password,
    [property: RegularExpression("^(fr|en)$", ErrorMessage = "The language must be 'fr' or 'en'.")] string? Language = null);

public sealed record SignInRequest(
    [property: Required, StringLength(254)] string? Email,
    [property: Required, StringLength(128)] string? Password);

public sealed record UserResponse(
    Guid Id, string Name, string Email, bool EmailVerified, string? Image, Guid? ActiveMembershipId, string Language);

public sealed record AuthResponse(UserResponse User, string Token);

public sealed record SessionInfo(DateTime ExpiresAt);

public sealed record SessionResponse(UserResponse User, SessionInfo Session);

public sealed record VerifyEmailRequest([property: Required, StringLength(200)] string? Token);

public sealed record ForgotPasswordRequest([property: Required, StringLength(254)] string? Email);

public sealed record ResetPasswordRequest(
    [property: Required, StringLength(200)] string? Token,
    [property: Required] string? Password);

public sealed record ChangePasswordRequest(
    [property: Required, StringLength(128)] string? CurrentPassword,
    [property: Required] string? NewPassword);

/// <summary>One of the caller's sessions: where and when it was used, and which browser and system it was.</summary>
public sealed record SessionListItem(
    Guid Id, DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt, string? IpAddress, string? Browser, string? System, bool Current);
