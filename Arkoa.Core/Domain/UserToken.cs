namespace Arkoa.Core.Domain;

/// <summary>A single-use token mailed to a user (e-mail verification, password reset); only its hash is stored.</summary>
public sealed class UserToken : Entity
{
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public UserTokenPurpose Purpose { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
