namespace Arkoa.Web.Api;

/// <summary>One of the person's API tokens, as GET /api/users/me/api-tokens lists it (never its secret).</summary>
public sealed record ApiTokenItem(
    string Id, string Name, string CompanyId, string CompanyName, List<string> Scopes, DateTime CreatedAt,
    DateTime? LastUsedAt, DateTime ExpiresAt, bool Expired);

/// <summary>A token just created: <see cref="Secret"/> is shown this once.</summary>
public sealed record CreatedApiToken(string Id, string Name, string CompanyId, List<string> Scopes, DateTime ExpiresAt, string Secret);
