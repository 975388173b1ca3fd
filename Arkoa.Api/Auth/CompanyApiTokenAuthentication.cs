using System.Globalization;
using System.Security.Claims;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Auth;

/// <summary>
/// Authenticates a company API token (<c>arkoa_cat_…</c>). The request acts through the token's creator's admin
/// membership — so every endpoint's own checks apply unchanged and the audit names a person — with the token's id in
/// the claims, which <see cref="Data.CompanyApiTokenAttribution"/> writes beside the actor and
/// <see cref="ApiTokenScopeCheck"/> holds to <see cref="CompanyApiTokenAccess"/>. Each request reads the token with
/// the creator's membership (no cache), so a revoked token, a deleted company or a creator no longer an active admin is
/// a 401 at once on every replica; the last use is written at most once an hour.
/// </summary>
public static class CompanyApiTokenAuthentication
{
    private static readonly TimeSpan LastUseGranularity = TimeSpan.FromHours(1);

    public static async Task<AuthenticateResult> AuthenticateAsync(
        ArkoaDbContext db, string secret, DateTime now, string scheme, CancellationToken cancellationToken)
    {
        if (!CompanyApiTokenSecret.IsWellFormed(secret)) return AuthenticateResult.Fail("Malformed API token.");
        var hash = CompanyApiTokenSecret.Hash(secret);
        var token = await db.CompanyApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => new
            {
                t.Id, t.CompanyId, t.CreatedById, t.Scopes, t.LastUsedAt,
                MembershipId = db.Memberships
                    .Where(m => m.UserId == t.CreatedById && m.CompanyId == t.CompanyId && m.Active && m.Role == UserRole.ADMIN)
                    .Select(m => (Guid?)m.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (token is not { CreatedById: { } creatorId, MembershipId: { } membershipId })
        {
            return AuthenticateResult.Fail("Unknown, expired or revoked API token.");
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUseGranularity)
        {
            var since = now - LastUseGranularity;
            await db.CompanyApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < since))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        var scopes = ApiTokenScopeNames.Parse(token.Scopes) ?? ApiTokenScopes.None;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, creatorId.ToString()),
            new Claim(ApiTokenAuthenticationHandler.TokenIdClaim, token.Id.ToString()),
            new Claim(ApiTokenAuthenticationHandler.CompanyClaim, token.CompanyId.ToString()),
            new Claim(ApiTokenAuthenticationHandler.MembershipClaim, membershipId.ToString()),
            new Claim(ApiTokenAuthenticationHandler.ScopesClaim, ((int)scopes).ToString(CultureInfo.InvariantCulture)),
            new Claim(ApiTokenAuthenticationHandler.KindClaim, ApiTokenAuthenticationHandler.CompanyKind),
        ], scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), scheme));
    }
}
