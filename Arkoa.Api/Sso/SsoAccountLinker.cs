using Arkoa.Api.Auth;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Security;
using Arkoa.Core.Sso;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Sso;

/// <summary>
/// Finds or creates the account a validated ID token signs into (<see cref="SsoIdentityRules.Resolve"/>) and records the
/// issuer+subject link. Its changes are left in the context, for the caller to save with the session in one transaction.
/// </summary>
public sealed class SsoAccountLinker(ArkoaDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
{
    /// <param name="User">The account signed into.</param>
    /// <param name="NewLink">True when this issuer+subject is linked for the first time.</param>
    /// <param name="SignedOutElsewhere">True when the account's sessions and tokens were ended (an unproven address taken over).</param>
    public sealed record Linked(User User, bool NewLink, bool SignedOutElsewhere);

    public async Task<(Linked? Linked, DomainError? Conflict)> LinkAsync(
        Guid companyId, string issuer, SsoIdentityRules.Claims claims, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(claims.Email!);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await db.SsoIdentities.SingleOrDefaultAsync(i => i.Issuer == issuer && i.Subject == claims.Subject, cancellationToken);
        var owner = link is null ? await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken) : null;
        var ownerIsMember = owner is not null
            && await db.Memberships.AnyAsync(m => m.UserId == owner.Id && m.CompanyId == companyId && m.Active, cancellationToken);
        var ownerLinkedElsewhere = owner is not null
            && await db.SsoIdentities.AnyAsync(i => i.UserId == owner.Id && i.Issuer == issuer, cancellationToken);
        var (userId, conflict) = SsoIdentityRules.Resolve(link?.UserId, owner?.Id, ownerIsMember, ownerLinkedElsewhere);
        if (conflict is not null) return (null, conflict);

        var signedOutElsewhere = false;
        User user;
        if (userId is { } existing)
        {
            user = owner ?? await db.Users.SingleAsync(u => u.Id == existing, cancellationToken);
            if (!user.EmailVerified)
            {
                // Someone may have signed up with this address before its owner (pre-account takeover): the provider
                // vouches for the mailbox now, so whatever password, sessions and tokens that someone set stop working.
                user.EmailVerified = true;
                await UnprovenAccount.SecureAsync(db, hasher, user, cancellationToken);
                signedOutElsewhere = true;
            }
        }
        else
        {
            // Just in time: an account for the verified address, with no usable password (forgot-password sets one)
            // and no membership: the company lets people in by invitation or SCIM, not by their provider's word.
            user = new User { Name = SsoIdentityRules.NameFor(claims), Email = email, EmailVerified = true, PasswordHash = "" };
            user.PasswordHash = UnusablePassword(user);
            db.Users.Add(user);
        }
        if (link is null) db.SsoIdentities.Add(new SsoIdentity { UserId = user.Id, Issuer = issuer, Subject = claims.Subject!, LastSignInAt = now });
        else link.LastSignInAt = now;
        return (new Linked(user, link is null, signedOutElsewhere), null);
    }

    /// <summary>A hash of a random password nobody knows: the account has a password column like any other, and no password.</summary>
    private string UnusablePassword(User user) => hasher.HashPassword(user, SecureToken.Create());
}
