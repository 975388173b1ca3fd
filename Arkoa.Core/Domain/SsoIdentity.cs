namespace Arkoa.Core.Domain;

/// <summary>
/// The link between an account and a person at an identity provider: the provider's issuer and its subject (<c>sub</c>),
/// the one identifier OpenID Connect promises never to reassign. A returning person is found by this link, not by
/// e-mail, so an address changed at the provider cannot reach another account; one subject per account per issuer.
/// </summary>
public sealed class SsoIdentity : Entity
{
    public Guid UserId { get; set; }
    public required string Issuer { get; set; }
    public required string Subject { get; set; }

    /// <summary>When this identity last opened a session.</summary>
    public DateTime LastSignInAt { get; set; }
}
