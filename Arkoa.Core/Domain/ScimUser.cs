namespace Arkoa.Core.Domain;

/// <summary>
/// What a company's identity provider said of one of its members, kept per membership (the SCIM user id is the
/// membership id): the provider's own id for the person and the name parts it sent, so a GET answers what the provider
/// wrote and it does not rewrite them on every cycle. <see cref="Deleted"/>: the provider deleted the user; the
/// membership stays, deactivated, with its history, and SCIM answers 404 for it as RFC 7644 §3.6 asks.
/// </summary>
public sealed class ScimUser : Entity
{
    public Guid MembershipId { get; set; }
    public Guid CompanyId { get; set; }
    public string? ExternalId { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public bool Deleted { get; set; }
}
