namespace Arkoa.Web.Api;

// Wire shapes of the Api's /api/auth endpoints (JSON, camelCase).

public sealed record ApiUser(string Id, string Name, string Email, bool EmailVerified, string? Language = null);

/// <summary>What sign-up and sign-in return: the user and the Api session token the Web keeps in its cookie.</summary>
public sealed record AuthResponse(ApiUser User, string Token);

internal sealed record SignUpRequest(string Name, string Email, string Password, string Language);

internal sealed record SignInRequest(string Email, string Password);

public sealed record VerifyEmailRequest(string Token);
