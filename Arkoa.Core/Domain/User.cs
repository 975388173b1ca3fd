namespace Arkoa.Core.Domain;

public sealed class User : Entity
{
    public required string Name { get; set; }

    /// <summary>Stored trimmed and lower-cased (see <see cref="EmailAddress"/>), so uniqueness is case-insensitive.</summary>
    public required string Email { get; set; }
    public bool EmailVerified { get; set; }
    public string? Image { get; set; }
    public required string PasswordHash { get; set; }
    public Guid? ActiveMembershipId { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}
