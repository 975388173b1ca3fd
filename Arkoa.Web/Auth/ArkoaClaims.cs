using System.Security.Claims;

namespace Arkoa.Web.Auth;

/// <summary>The claims the Web keeps in its own auth cookie.</summary>
public static class ArkoaClaims
{
    /// <summary>The Api session token; it travels only inside the encrypted, HttpOnly Web cookie.</summary>
    public const string Token = "arkoa_token";

    /// <summary>
    /// "true" once the account's address is confirmed. Only a hint for the "check your inbox" banner, which asks the
    /// Api while it is not "true"; the Api decides what an unconfirmed account may do.
    /// </summary>
    public const string EmailVerified = "arkoa_email_verified";

    public static bool IsEmailVerified(ClaimsPrincipal user) => user.FindFirst(EmailVerified)?.Value == "true";

    public static string? TokenOf(ClaimsPrincipal user) =>
        user.FindFirst(Token)?.Value is { Length: > 0 } token ? token : null;
}
