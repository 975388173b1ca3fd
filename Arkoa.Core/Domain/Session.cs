namespace Arkoa.Core.Domain;

/// <summary>A signed-in session. Only the SHA-256 of its token is stored; deleting the row revokes it.</summary>
public sealed class Session : Entity
{
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}
