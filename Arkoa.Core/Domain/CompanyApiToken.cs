namespace Arkoa.Core.Domain;

/// <summary>
/// A company API token: lets an integration (payroll, HR tool) act for the company within its scopes, until it expires
/// or an admin revokes it. It acts through its creator's admin membership (the actor of what it changes, with the
/// token's id beside it: <see cref="LeaveStatusChange.CompanyApiTokenId"/>, <see cref="LeaveBalanceHistory.CompanyApiTokenId"/>)
/// and stops when they are no longer an active admin. Revoking keeps the row (its name stays readable in the audit);
/// only the SHA-256 of its secret is stored (<see cref="Tokens.CompanyApiTokenSecret"/>).
/// </summary>
public sealed class CompanyApiToken : Entity
{
    public Guid CompanyId { get; set; }

    /// <summary>The admin who created it; null once their account is erased (the token then stops working).</summary>
    public Guid? CreatedById { get; set; }
    public User? CreatedBy { get; set; }

    public required string Name { get; set; }

    /// <summary>The scope names (<see cref="Tokens.ApiTokenScopes"/>), stored readable: read, write, approve.</summary>
    public required string[] Scopes { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the token was last used, to the hour (written at most once an hour).</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>When an admin revoked it; a revoked token never works again.</summary>
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedById { get; set; }
}
