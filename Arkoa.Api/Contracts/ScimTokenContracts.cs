namespace Arkoa.Api.Contracts;

/// <summary>The company's SCIM token, never its secret: <see cref="Exists"/> false when none was created or it was revoked.</summary>
public sealed record ScimTokenResponse(bool Exists, string BaseUrl, DateTime? CreatedAt, DateTime? LastUsedAt);

/// <summary>A SCIM token just created or rotated: its secret is in this answer only.</summary>
public sealed record CreatedScimToken(string BaseUrl, DateTime CreatedAt, string Secret);
