namespace Arkoa.Web.Api;

/// <summary>One of the company's API tokens, as GET /api/companies/{id}/api-tokens lists it (never its secret).</summary>
public sealed record CompanyApiTokenItem(
    string Id, string Name, List<string> Scopes, DateTime CreatedAt, string? CreatedById, string? CreatedByName,
    DateTime? LastUsedAt, DateTime ExpiresAt, DateTime? RevokedAt, bool Expired, bool Active);

/// <summary>A company token just created: <see cref="Secret"/> is shown this once.</summary>
public sealed record CreatedCompanyApiToken(string Id, string Name, List<string> Scopes, DateTime ExpiresAt, string Secret);
