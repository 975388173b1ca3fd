namespace Arkoa.Web.Api;

/// <summary>The company's SCIM token, never its secret: whether it exists, since when, its last use, the address to give the identity provider.</summary>
public sealed record ScimTokenState(bool Exists, string BaseUrl, DateTime? CreatedAt, DateTime? LastUsedAt);

/// <summary>A SCIM token just created or rotated, its secret shown this once.</summary>
public sealed record CreatedScimToken(string BaseUrl, DateTime CreatedAt, string Secret);
