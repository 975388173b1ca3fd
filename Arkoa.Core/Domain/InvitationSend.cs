namespace Arkoa.Core.Domain;

/// <summary>
/// One invitation mail sent, kept a day to count the sends per company and per recipient (see InvitationLimits). The
/// recipient is stored as the SHA-256 of the normalised address: counting needs no readable address.
/// </summary>
public sealed class InvitationSend : Entity
{
    public Guid CompanyId { get; set; }
    public required string RecipientHash { get; set; }
}
