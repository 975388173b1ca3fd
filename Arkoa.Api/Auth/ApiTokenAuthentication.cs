using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer arkoa_pat_…</c> (<see cref="ApiTokenSecret"/>) and, for company tokens,
/// <c>arkoa_cat_…</c> (<see cref="CompanyApiTokenAuthentication"/>). A personal token's request acts as the
/// token's owner, so the per-user rate limit and every endpoint's own checks of the owner's current membership apply;
/// <see cref="ApiTokenScopeCheck"/> then holds it to its company and scopes. Each request reads the token (by the
/// index on its hash) with the owner's membership, so a revoked token or a demoted or deactivated owner loses its
/// rights at once on every replica; the last use is written at most once an hour.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ArkoaDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ArkoaApiToken";
    public const string TokenIdClaim = "token";
    public const string CompanyClaim = "token_company";
    public const string MembershipClaim = "token_membership";
    public const string ScopesClaim = "token_scopes";

    /// <summary>Present (the value "company") on a company API token's requests only.</summary>
    public const string KindClaim = "token_kind";
    public const string CompanyKind = "company";

    private static readonly TimeSpan LastUseGranularity = TimeSpan.FromHours(1);

    /// <summary>Whether the request carries an API token rather than a session (the prefix tells them apart).</summary>
    public static bool CarriesToken(HttpRequest request) =>
        SessionAuthenticationHandler.ReadBearer(request) is { } value && (ApiTokenSecret.HasPrefix(value) || CompanyApiTokenSecret.HasPrefix(value));

    /// <summary>Whether the request was authenticated by a company API token.</summary>
    public static bool IsCompanyToken(System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(KindClaim, CompanyKind);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = SessionAuthenticationHandler.ReadBearer(Request);
        if (secret is not null && CompanyApiTokenSecret.HasPrefix(secret))
        {
            return await CompanyApiTokenAuthentication.AuthenticateAsync(db, secret, clock.GetUtcNow().UtcDateTime, SchemeName, Context.RequestAborted);
        }
        if (secret is null || !ApiTokenSecret.HasPrefix(secret)) return AuthenticateResult.NoResult();
        if (!ApiTokenSecret.IsWellFormed(secret)) return AuthenticateResult.Fail("Malformed API token.");

        var hash = ApiTokenSecret.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.ExpiresAt > now)
            .Select(t => new
            {
                t.Id, t.UserId, t.CompanyId, t.Scopes, t.LastUsedAt,
                MembershipId = db.Memberships.Where(m => m.UserId == t.UserId && m.CompanyId == t.CompanyId)
                    .Select(m => (Guid?)m.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (token?.MembershipId is not { } membershipId) return AuthenticateResult.Fail("Unknown, expired or revoked API token.");

        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUseGranularity)
        {
            var since = now - LastUseGranularity;
            await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < since))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var scopes = ApiTokenScopeNames.Parse(token.Scopes) ?? ApiTokenScopes.None;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, token.UserId.ToString()),
            new Claim(TokenIdClaim, token.Id.ToString()),
            new Claim(CompanyClaim, token.CompanyId.ToString()),
            new Claim(MembershipClaim, membershipId.ToString()),
            new Claim(ScopesClaim, ((int)scopes).ToString(CultureInfo.InvariantCulture)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Unauthorized(ProblemCodes.TokenInvalid, "This API token is wrong, expired or revoked.").ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Forbidden().ExecuteAsync(Context);
}
