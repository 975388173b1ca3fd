using Arkoa.Core.Domain;

namespace Arkoa.Core.Sso;

/// <summary>
/// Whether a password may open a session: not for an active member of a company whose enabled single sign-on is
/// mandatory, unless they are an admin of it — the break-glass path when the provider is down or misconfigured (an
/// admin who locked everyone out can still sign in and turn it off). A disabled provider makes nothing mandatory.
/// Resetting the password changes nothing: the next password sign-in is refused the same way.
/// </summary>
public static class SsoMandatoryRule
{
    /// <summary>One of the account's memberships with its company's single sign-on, if any.</summary>
    public sealed record MembershipSso(Guid CompanyId, string CompanyName, UserRole Role, bool MembershipActive, bool SsoEnabled, bool SsoMandatory);

    /// <summary>Null when the password may sign in; otherwise <c>sso-required</c> naming the (first) company that requires its SSO.</summary>
    public static DomainError? CheckPasswordSignIn(IEnumerable<MembershipSso> memberships)
    {
        var requiring = memberships
            .Where(m => m is { MembershipActive: true, SsoEnabled: true, SsoMandatory: true } && m.Role != UserRole.ADMIN)
            .OrderBy(m => m.CompanyName, StringComparer.Ordinal).FirstOrDefault();
        return requiring is null ? null : SsoErrors.SsoRequired(requiring.CompanyId, requiring.CompanyName);
    }
}
