namespace Arkoa.Core.Domain;

/// <summary>
/// A company's OpenID Connect identity provider (issue 18, single sign-on): where its members may sign in instead of
/// with a password. One per company. The client secret is kept encrypted (<see cref="Webhooks.WebhookSecretProtector"/>,
/// bound to this row's id): the Api needs it to redeem authorization codes, so a hash would not do.
/// </summary>
public sealed class CompanySsoProvider : Entity
{
    public Guid CompanyId { get; set; }

    /// <summary>The issuer identifier, exactly as the provider's discovery document and tokens state it (<see cref="Sso.SsoProviderRules"/>).</summary>
    public required string IssuerUrl { get; set; }
    public required string ClientId { get; set; }
    public required string EncryptedClientSecret { get; set; }

    /// <summary>The e-mail domains whose verified addresses may sign in (normalised: lower-case, IDN in its ASCII form).</summary>
    public required string[] AllowedDomains { get; set; }

    /// <summary>Members must sign in through the provider: their password is refused, except an admin's (break-glass).</summary>
    public bool Mandatory { get; set; }

    /// <summary>A disabled provider signs nobody in and makes nothing mandatory (its settings are kept).</summary>
    public bool Enabled { get; set; } = true;
}
