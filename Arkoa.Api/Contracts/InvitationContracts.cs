using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>An open invitation as the manager who sent it sees it (the token itself only goes by mail).</summary>
public sealed record InvitationResponse(Guid Id, string Email, UserRole Role, DateTime ExpiresAt, DateTime CreatedAt);

/// <summary>
/// An invitation just mailed. <c>resent</c>: the address already had an unaccepted invitation from this company, which
/// this one replaces (the earlier mail's link now answers 410 <c>invitation-replaced</c>).
/// </summary>
public sealed record InvitationSentResponse(Guid Id, string Email, UserRole Role, DateTime ExpiresAt, DateTime CreatedAt, bool Resent);

/// <summary>
/// GET /api/invitations/{token}: what the invited person is shown before accepting; no session needed.
/// <c>invitedByName</c> is the manager who sent it (the same name the invitation mail already gave); <c>timeZone</c> the
/// company's, in which the mail gave the expiry.
/// </summary>
public sealed record InvitationPreviewResponse(
    string CompanyName, string Email, UserRole Role, DateTime ExpiresAt, string InvitedByName, string TimeZone);
