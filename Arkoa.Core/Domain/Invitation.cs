namespace Arkoa.Core.Domain;

/// <summary>An invitation of an e-mail without an account; valid 7 days, one open per (company, e-mail).</summary>
public sealed class Invitation : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid CompanyId { get; set; }
    public required string Email { get; set; }
    public UserRole Role { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid InvitedById { get; set; }
}
