namespace Arkoa.Core.Domain;

/// <summary>
/// A company's SCIM token: lets the company's identity provider provision its members at /scim/v2/{companyId}/, and
/// nothing else. One per company; rotating replaces it, revoking deletes it. Only the SHA-256 of its secret is stored
/// (<see cref="Scim.ScimTokenSecret"/>).
/// </summary>
public sealed class ScimToken : Entity
{
    public Guid CompanyId { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The admin who created or last rotated it.</summary>
    public Guid? CreatedById { get; set; }

    /// <summary>When the identity provider last used it, to the hour (written at most once an hour).</summary>
    public DateTime? LastUsedAt { get; set; }
}
