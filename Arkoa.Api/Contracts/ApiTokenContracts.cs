using System.ComponentModel.DataAnnotations;

namespace Arkoa.Api.Contracts;

/// <summary>
/// A new personal API token for <see cref="CompanyId"/>: its <see cref="Name"/>, its <see cref="Scopes"/> (read, write,
/// approve) and its life in days (90 unless said, at most 366).
/// </summary>
public sealed record CreateApiTokenRequest(
    [property: Required] Guid? CompanyId,
    string? Name,
    [property: MaxLength(3)] IReadOnlyList<string>? Scopes,
    int? ExpiresInDays = null);

/// <summary>
/// The token just created. <see cref="Secret"/> is shown this once: only its hash is kept. <see cref="MembershipId"/>
/// is the owner's membership in the company, which the leave URLs need.
/// </summary>
public sealed record CreatedApiToken(
    Guid Id, string Name, Guid CompanyId, Guid MembershipId, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime ExpiresAt,
    string Secret);

/// <summary>One of the caller's tokens, never its secret; <see cref="Expired"/> ones stay listed until revoked.</summary>
public sealed record ApiTokenListItem(
    Guid Id, string Name, Guid CompanyId, string CompanyName, IReadOnlyList<string> Scopes, DateTime CreatedAt,
    DateTime? LastUsedAt, DateTime ExpiresAt, bool Expired);
