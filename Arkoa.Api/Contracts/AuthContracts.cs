using System.ComponentModel.DataAnnotations;
using Arkoa.Api.Http;

namespace Arkoa.Api.Contracts;

public sealed record SignUpRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string? Name,
    [property: Required, EmailAddress, StringLength(254)] string? Email,
    [property: Required] string? Password,
    [property: ChoicePattern("^(fr|en)$", ErrorMessage = "The language must be 'fr' or 'en'.")] string? Language = null);

public sealed record SignInRequest(
    [property: Required, StringLength(254)] string? Email,
    [property: Required, StringLength(128)] string? Password);

/// <summary>
/// The signed-in account. <see cref="PendingEmail"/> is the address asked for and not confirmed yet (null when none):
/// the account keeps <see cref="Email"/> until the link mailed to the new address is followed. <see cref="Theme"/> is the
/// Web's colour theme: "system", "light" or "dark".
/// </summary>
public sealed record UserResponse(
    Guid Id, string Name, string Email, bool EmailVerified, string? Image, Guid? ActiveMembershipId, string Language,
    string? PendingEmail, string Theme);

public sealed record AuthResponse(UserResponse User, string Token);

public sealed record SessionInfo(DateTime ExpiresAt);

public sealed record SessionResponse(UserResponse User, SessionInfo Session);

public sealed record VerifyEmailRequest([property: Required, StringLength(200)] string? Token);

/// <summary>POST /api/auth/confirm-email-change and /undo-email-change: the token of the mailed link.</summary>
public sealed record EmailChangeLinkRequest([property: Required, StringLength(200)] string? Token);

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
