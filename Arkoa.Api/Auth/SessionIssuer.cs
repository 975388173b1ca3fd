using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Security;

namespace Arkoa.Api.Auth;

/// <summary>
/// Opens sessions: stores the token's hash, hands the raw token back once, and sets the browser cookie — except for
/// the Web (<see cref="WebClientProof"/>), a bearer client whose server-side HTTP client must never hold a user's cookie.
/// </summary>
public sealed class SessionIssuer(ArkoaDbContext db, TimeProvider clock, IHostEnvironment environment)
{
    public string Open(User user, HttpContext context)
    {
        var token = SecureToken.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var expiresAt = now + Session.SlidingLifetime;
        db.Sessions.Add(new Session
        {
            UserId = user.Id,
            TokenHash = SecureToken.Hash(token),
            ExpiresAt = expiresAt,
            LastSeenAt = now,
            IpAddress = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(context.Request.Headers.UserAgent.ToString(), 512),
        });
        if (!context.IsFromWeb())
        {
            context.Response.Cookies.Append(SessionAuthenticationHandler.CookieName, token, CookieOptions(expiresAt));
        }
        return token;
    }

    public void ClearCookie(HttpContext context)
    {
        if (!context.IsFromWeb()) context.Response.Cookies.Delete(SessionAuthenticationHandler.CookieName, CookieOptions(null));
    }

    private CookieOptions CookieOptions(DateTime? expiresAt) => new()
    {
        HttpOnly = true,
        Secure = !environment.IsDevelopment(),
        SameSite = SameSiteMode.Lax,
        Path = "/api",
        Expires = expiresAt,
    };

    private static string? Truncate(string value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
