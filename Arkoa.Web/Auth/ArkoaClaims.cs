using System.Security.Claims;

namespace Arkoa.Web.Auth;

/// <summary>The claims the Web keeps in its own auth cookie.</summary>
public static class ArkoaClaims
{
    /// <summary>The Api session token; it travels only inside the encrypted, HttpOnly Web cookie.</summary>
    public const string Token = "arkoa_token";

    public static string? TokenOf(ClaimsPrincipal user) =>
        user.FindFirst(Token)?.Value is { Length: > 0 } token ? token : null;
}
