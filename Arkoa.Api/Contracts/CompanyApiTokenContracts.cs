using System.ComponentModel.DataAnnotations;

namespace Arkoa.Api.Contracts;

/// <summary>A new company API token: its <see cref="Name"/>, its <see cref="Scopes"/> (read, write, approve) and its life in days (90 unless said, at most 366).</summary>
public sealed record CreateCompanyApiTokenRequest(
    string? Name,
    [property: MaxLength(3)] IReadOnlyList<string>? Scopes,
    int? ExpiresInDays = null);

/// <summary>The company token just created. <see cref="Secret"/> is shown this once: only its hash is kept.</summary>
public sealed record CreatedCompanyApiToken(
    Guid Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime ExpiresAt, string Secret);

/// <summary>
/// One of the company's tokens, never its secret: who created it (null once their account is gone), its last use (to
/// the hour), whether it still works (<see cref="Active"/>: not revoked, not expired, its creator still an active admin).
/// </summary>
public sealed record CompanyApiTokenListItem(
    Guid Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, Guid? CreatedById, string? CreatedByName,
    DateTime? LastUsedAt, DateTime ExpiresAt, DateTime? RevokedAt, bool Expired, bool Active);
