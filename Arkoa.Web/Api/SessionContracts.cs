namespace Arkoa.Web.Api;

/// <summary>One of the signed-in person's sessions, as GET /api/auth/sessions lists it.</summary>
public sealed record AccountSession(
    string Id, DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt, string? IpAddress, string? Browser, string? System, bool Current);
