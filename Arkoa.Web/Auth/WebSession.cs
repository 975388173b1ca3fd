using System.Security.Claims;
using Arkoa.Web.Api;
using Arkoa.Web.Localization;
using Arkoa.Web.Theme;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Arkoa.Web.Auth;

/// <summary>Starts and ends the Web's cookie session, which wraps an Api session.</summary>
public static class WebSession
{
    /// <summary>The sign-in page's: the cookie handler then redirects to the page's ReturnUrl, made safe.</summary>
    public static Task SignInAsync(HttpContext httpContext, AuthResponse auth) =>
        WriteAsync(httpContext, auth, SafeReturnUrl.AtNamedLeave(SafeReturnUrl.OrHome(httpContext.Request.Query["ReturnUrl"])));

    /// <summary>A single sign-on's callback: the cookie is written and the caller redirects to <paramref name="safeReturnUrl"/>.</summary>
    public static Task SignInAsync(HttpContext httpContext, AuthResponse auth, string safeReturnUrl) =>
        WriteAsync(httpContext, auth, SafeReturnUrl.AtNamedLeave(safeReturnUrl));

    /// <summary>
    /// Rewrites the cookie of a signed-in person whose account changed (address confirmed, name or language saved), on
    /// the page they are on, with the same Api session: no redirect.
    /// </summary>
    public static Task RefreshAsync(HttpContext httpContext, ApiUser user) =>
        ArkoaClaims.TokenOf(httpContext.User) is { } token
            ? WriteAsync(httpContext, new AuthResponse(user, token), redirectUri: null)
            : Task.CompletedTask;

    private static Task WriteAsync(HttpContext httpContext, AuthResponse auth, string? redirectUri)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, auth.User.Id),
            new(ClaimTypes.Name, auth.User.Name),
            new(ClaimTypes.Email, auth.User.Email),
            new(ArkoaClaims.Token, auth.Token),
            new(ArkoaClaims.EmailVerified, auth.User.EmailVerified ? "true" : "false"),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));

        // The language saved on the account wins over this browser's: it is the user's own choice.
        if (WebCultures.Normalize(auth.User.Language) is { } language) WebCultures.Remember(httpContext, language);
        // So is its colour theme: this browser draws the next page in it, from the server (no flash).
        if (WebThemes.Normalize(auth.User.Theme) is { } theme) WebThemes.Remember(httpContext, theme);

        // Persistent so the sliding 7 days survive a browser restart; the Api session may end sooner,
        // and the first 401 from the Api then ends this one too. On the sign-in page the cookie handler redirects at
        // once, to RedirectUri or else to ?ReturnUrl= as it is (a "/é" made its Location header throw): the sign-in
        // gives it the safe one. A redirect URI given elsewhere is followed too, so a refresh gives none.
        return httpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            principal,
            new AuthenticationProperties { IsPersistent = true, RedirectUri = redirectUri });
    }

    public static Task SignOutAsync(HttpContext httpContext) =>
        httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
}
