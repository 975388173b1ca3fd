using System.Security.Claims;
using System.Text.Encodings.Web;
using Arkoa.Api.Auth;
using Arkoa.Core.Data;
using Arkoa.Core.Scim;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Scim;

/// <summary>
/// Authenticates <c>Authorization: Bearer arkoa_scim_…</c> on /scim/v2/{companyId}/… only: the secret must match the
/// hash stored for the company in the route (compared in constant time), so a token works for its own company and no
/// other. The SCIM endpoints use this scheme alone, so a session, a cookie or a personal API token never passes there;
/// and the Api's default scheme does not know SCIM tokens, so one is refused on /api. The last use is written at most
/// once an hour.
/// </summary>
public sealed class ScimAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ArkoaDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ArkoaScim";
    public const string PolicyName = "Scim";
    public const string CompanyClaim = "scim_company";

    private static readonly TimeSpan LastUseGranularity = TimeSpan.FromHours(1);

    /// <summary>The policy of the SCIM endpoints: this scheme only.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().Build();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = SessionAuthenticationHandler.ReadBearer(Request);
        if (secret is null || !ScimTokenSecret.IsWellFormed(secret)) return AuthenticateResult.NoResult();
        if (!Guid.TryParse(Context.GetRouteValue("companyId")?.ToString(), out var companyId)) return AuthenticateResult.NoResult();

        var token = await db.ScimTokens.AsNoTracking().Where(t => t.CompanyId == companyId)
            .Select(t => new { t.Id, t.TokenHash, t.LastUsedAt }).SingleOrDefaultAsync(Context.RequestAborted);
        if (token is null || !ScimTokenSecret.Matches(secret, token.TokenHash)) return AuthenticateResult.Fail("Wrong or revoked SCIM token.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUseGranularity)
        {
            var since = now - LastUseGranularity;
            await db.ScimTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < since))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity([new Claim(CompanyClaim, companyId.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
        return ScimResults.Error(new ScimError(StatusCodes.Status401Unauthorized, null,
            "This SCIM token is wrong or revoked, or the request has none: send the company's SCIM token as a bearer token.")).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimResults.Error(new ScimError(StatusCodes.Status403Forbidden, null, "This SCIM token cannot do this.")).ExecuteAsync(Context);
}
