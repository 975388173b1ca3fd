namespace Arkoa.Core.Outbox;

public static partial class OutboxKinds
{
    /// <summary>
    /// Daily, to each active manager: the company's requests still waiting after 48 hours (SPEC §6): PENDING leaves and
    /// open requests to cancel an approved leave, both waiting for a manager.
    /// </summary>
    public const string PendingDigest = "leave.pending-digest";
}

/// <summary>
/// Payload of <see cref="OutboxKinds.PendingDigest"/>. <see cref="Leaves"/> holds at most
/// <see cref="MaxListed"/> requests, oldest first; <see cref="Total"/> says how many there are in all.
/// </summary>
/// <param name="TimeZone">The company's IANA zone, the request dates are read in it; null in digests queued before it.</param>
public sealed record PendingDigestPayload(
    string To, string Name, string Language, Guid CompanyId, string CompanyName, DateOnly AsOf,
    int Total, IReadOnlyList<PendingDigestLeave> Leaves, string? TimeZone = null)
{
    public const int MaxListed = 50;
}

/// <param name="RequestedAt">When the leave was requested, or for a request to cancel, when the cancellation was asked.</param>
/// <param name="MembershipId">Whose request it is, so an erasure finds the digests that name the person (null in digests
/// queued before it was recorded).</param>
/// <param name="CancelRequest">True for a member's open request to cancel this approved leave (false in digests queued
/// before those were listed).</param>
public sealed record PendingDigestLeave(
    string MemberName, string Type, DateOnly StartDate, DateOnly EndDate, decimal Days, DateTime RequestedAt, Guid? MembershipId = null,
    bool CancelRequest = false);
