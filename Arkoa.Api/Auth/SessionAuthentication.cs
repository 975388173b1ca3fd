using System.Security.Claims;
using System.Text.Encodings.Web;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Api.Http;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Auth;

/// <summary>
/// Authenticates a request by its session token, sent as <c>Authorization: Bearer</c> (Web front end, scripts)
/// or as the <see cref="CookieName"/> cookie (browsers calling the Api themselves). Sessions slide: each use pushes
/// the expiry to 7 days ahead, but never past 30 days after sign-in (<see cref="Session.SlidExpiry"/>). A session found valid is remembered for a few seconds (<see cref="SessionCache"/>), so most requests cost no query.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ArkoaDbContext db, TimeProvider clock, SessionCache cache, SessionRevocations revocations)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ArkoaSession";
    public const string CookieName = "arkoa_session";
    public const string SessionIdClaim = "sid";
    public static readonly TimeSpan Lifetime = Session.SlidingLifetime;

    // Writing the new expiry on every request would turn each read into a write; an hour of slack is plenty.
    private static readonly TimeSpan SlideGranularity = TimeSpan.FromHours(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null) return AuthenticateResult.NoResult();

        var hash = SecureToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var useCache = revocations.Listening;
        var cached = useCache ? cache.Find(hash, now) : null;
        var fresh = cached is null; // only a session just read (or slid) is stored: a hit must not extend its own life
        var session = cached;
        if (session is null)
        {
            var tick = cache.Tick;
            var signedInSince = now - Session.AbsoluteLifetime;
            session = await db.Sessions.AsNoTracking()
                .Where(s => s.TokenHash == hash && s.ExpiresAt > now && s.CreatedAt > signedInSince)
                .Select(s => new CachedSession(s.Id, s.UserId, s.CreatedAt, s.ExpiresAt, tick))
                .SingleOrDefaultAsync(Context.RequestAborted);
            if (session is null) return AuthenticateResult.Fail("Unknown or expired session.");
        }

        var newExpiry = Session.SlidExpiry(session.CreatedAt, now);
        if (newExpiry - session.ExpiresAt > SlideGranularity)
        {
            // The last use is written with the slide: "last seen" in the session list is right to the hour.
            var slid = await db.Sessions.Where(s => s.Id == session.SessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, newExpiry).SetProperty(s => s.LastSeenAt, now), Context.RequestAborted);
            if (slid == 0)
            {
                cache.Forget(hash);
                return AuthenticateResult.Fail("Unknown or expired session.");
            }
            session = session with { ExpiresAt = newExpiry };
            fresh = true;
        }
        if (useCache && fresh) cache.Store(hash, session);

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, session.UserId.ToString()),
            new Claim(SessionIdClaim, session.SessionId.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Unauthorized(ProblemCodes.NotSignedIn, "Sign in to use this endpoint.").ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Forbidden().ExecuteAsync(Context);

    public static string? ReadToken(HttpRequest request)
    {
        if (HasBearer(request)) return ReadBearer(request);
        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie.Length is > 0 and <= 200 ? cookie : null;
    }

    /// <summary>The bearer value of the Authorization header (a session token or an API token), or null.</summary>
    public static string? ReadBearer(HttpRequest request)
    {
        if (!HasBearer(request)) return null;
        var value = request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        return value.Length is > 0 and <= 200 ? value : null;
    }

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
