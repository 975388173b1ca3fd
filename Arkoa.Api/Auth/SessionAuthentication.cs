using System.Security.Claims;
using System.Text.Encodings.Web;
using Arkoa.Core.Data;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Auth;

/// <summary>
/// Authenticates a request by its session token, sent as <c>Authorization: Bearer</c> (Web front end, scripts)
/// or as the <see cref="CookieName"/> cookie (browsers). Sessions slide: each use pushes the expiry to 7 days ahead.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ArkoaDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ArkoaSession";
    public const string CookieName = "arkoa_session";
    public const string SessionIdClaim = "sid";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    // Writing the new expiry on every request would turn each read into a write; an hour of slack is plenty.
    private static readonly TimeSpan SlideGranularity = TimeSpan.FromHours(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null) return AuthenticateResult.NoResult();

        var hash = SecureToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.Sessions.Include(s => s.User)
            .SingleOrDefaultAsync(s => s.TokenHash == hash && s.ExpiresAt > now, Context.RequestAborted);
        if (session?.User is null) return AuthenticateResult.Fail("Unknown or expired session.");

        var newExpiry = now + Lifetime;
        if (newExpiry - session.ExpiresAt > SlideGranularity)
        {
            await db.Sessions.Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, newExpiry), Context.RequestAborted);
            session.ExpiresAt = newExpiry;
        }

        Context.Items[typeof(Core.Domain.Session)] = session;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, session.UserId.ToString()),
            new Claim(ClaimTypes.Name, session.User.Name),
            new Claim(SessionIdClaim, session.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Not signed in", "Sign in to use this endpoint.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "You are not allowed to do this.");

    private Task WriteProblemAsync(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);

    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.Length is > 0 and <= 200 ? value : null;
        }
        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie.Length is > 0 and <= 200 ? cookie : null;
    }
}
