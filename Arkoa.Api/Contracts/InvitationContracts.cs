using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>An open invitation as the manager who sent it sees it (the token itself only goes by mail).</summary>
public sealed record InvitationResponse(Guid Id, string Email, UserRole Role, DateTime ExpiresAt, DateTime CreatedAt);

/// <summary>
/// GET /api/invitations/{token}: what the invited person is shown before accepting; no session needed.
/// <c>invitedByName</c> is the manager who sent it (the same name the invitation mail already gave).
/// </summary>
public sealed record InvitationPreviewResponse(string CompanyName, string Email, UserRole Role, DateTime ExpiresAt, string InvitedByName);
