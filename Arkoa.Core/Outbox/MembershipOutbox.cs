namespace Arkoa.Core.Outbox;

public static partial class OutboxKinds
{
    /// <summary>
    /// An existing user was added to a company. No longer written (adding a member always invites, issue 13): kept so
    /// that mails queued before that change are still delivered.
    /// </summary>
    public const string MembershipAdded = "membership.added";

    /// <summary>An e-mail was invited to a company; the mail carries the 7-day link.</summary>
    public const string InvitationCreated = "invitation.created";
}

/// <summary>Payload of <see cref="OutboxKinds.MembershipAdded"/>, in the added user's language.</summary>
/// <param name="CompanyId">For the link to the company; null in the mails queued before it was recorded (they link home).</param>
public sealed record MembershipAddedPayload(
    string To, string Name, string CompanyName, string Role, string AddedBy, string Language, Guid? CompanyId = null);

/// <summary>
/// Payload of <see cref="OutboxKinds.InvitationCreated"/>: the raw token is needed to build the link. In the invited
/// person's language when they have an account, else the inviter's (the best guess).
/// </summary>
/// <param name="TimeZone">The company's IANA zone, <see cref="ExpiresAt"/> is written in it; null in mails queued before it.</param>
public sealed record InvitationCreatedPayload(
    string To, string CompanyName, string Role, string InvitedBy, string Token, DateTime ExpiresAt, string Language,
    string? TimeZone = null);
