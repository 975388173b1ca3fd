namespace Arkoa.Core.Domain;

/// <summary>
/// A personal API token: lets a script act as its owner in one company, within its scopes, until it expires or is
/// revoked (deleting the row). Only the SHA-256 of its secret is stored (<see cref="Tokens.ApiTokenSecret"/>).
/// </summary>
public sealed class ApiToken : Entity
{
    public Guid UserId { get; set; }
    public Guid CompanyId { get; set; }
    public required string Name { get; set; }

    /// <summary>The scope names (<see cref="Tokens.ApiTokenScopes"/>), stored readable: read, write, approve.</summary>
    public required string[] Scopes { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the token was last used, to the hour (written at most once an hour).</summary>
    public DateTime? LastUsedAt { get; set; }
}
