using Arkoa.Core.Domain;

namespace Arkoa.Core.Sso;

/// <summary>
/// Whom a validated ID token may sign in (its signature, issuer, audience, lifetime and nonce are checked before). The
/// provider must vouch for the address (<c>email_verified</c> true: an unverified address would let anyone who types
/// someone's e-mail at a lax provider take their Arkoa account), and it must be in one of the company's domains.
/// </summary>
public static class SsoIdentityRules
{
    public const int SubjectMaxLength = 255;

    /// <summary>The claims that decide, as the token states them.</summary>
    public sealed record Claims(string? Subject, string? Email, bool? EmailVerified, string? Name);

    /// <summary>Null when the claims may sign in through this provider; otherwise why not.</summary>
    public static DomainError? Check(Claims claims, IReadOnlyCollection<string> allowedDomains)
    {
        if (string.IsNullOrEmpty(claims.Subject) || claims.Subject.Length > SubjectMaxLength || string.IsNullOrWhiteSpace(claims.Email))
        {
            return SsoErrors.EmailNotVerified;
        }
        if (claims.EmailVerified != true) return SsoErrors.EmailNotVerified;
        return SsoEmailDomains.IsAllowed(claims.Email, allowedDomains) ? null : SsoErrors.DomainNotAllowed;
    }

    /// <summary>
    /// Who the sign-in is: the account already linked to this subject (whatever the address now says); else the account
    /// with the address, if it is an active member of the provider's company (the company vouched for it by invitation
    /// or SCIM) and not linked to another subject of the same issuer; else, when no account has the address, a new one
    /// (null). Any company's admin can point single sign-on at a provider of their own and list any domain, so an
    /// account outside the company is never taken over by its provider's word alone.
    /// </summary>
    public static (Guid? UserId, DomainError? Error) Resolve(
        Guid? linkedUserId, Guid? userWithEmail, bool userWithEmailIsMember, bool userWithEmailLinkedElsewhere)
    {
        if (linkedUserId is { } linked) return (linked, null);
        if (userWithEmail is null) return (null, null);
        if (!userWithEmailIsMember) return (null, SsoErrors.AccountNotMember);
        return userWithEmailLinkedElsewhere ? (null, SsoErrors.IdentityConflict) : (userWithEmail, null);
    }

    /// <summary>The name of an account created at first sign-in: the token's, else the address's local part.</summary>
    public static string NameFor(Claims claims)
    {
        var name = claims.Name?.Trim();
        if (!string.IsNullOrEmpty(name)) return name.Length <= 100 ? name : name[..100];
        var email = claims.Email!.Trim();
        return email[..email.LastIndexOf('@')];
    }
}
