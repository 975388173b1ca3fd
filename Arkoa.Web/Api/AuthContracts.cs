namespace Arkoa.Web.Api;

// Wire shapes of the Api's /api/auth endpoints (JSON, camelCase).

/// <summary>
/// The account; <see cref="PendingEmail"/> is an address asked for and not confirmed yet, <see cref="Theme"/> the colour
/// theme it chose ("system", "light", "dark").
/// </summary>
public sealed record ApiUser(string Id, string Name, string Email, bool EmailVerified, string? Language = null, string? PendingEmail = null,
    string? Theme = null);

/// <summary>What sign-in returns: the user and the Api session token the Web keeps in its cookie.</summary>
public sealed record AuthResponse(ApiUser User, string Token);

internal sealed record SignUpRequest(string Name, string Email, string Password, string Language);

internal sealed record SignInRequest(string Email, string Password);

public sealed record VerifyEmailRequest(string Token);

internal sealed record EmailChangeLinkRequest(string Token);
