using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Arkoa.Core.Domain;

namespace Arkoa.Core.MailDecisions;

/// <summary>
/// What the Approve and Reject links of an approver's mail stand for (SPEC §11): this approver's decision on this
/// request as the mail showed it, until <see cref="ExpiresAt"/>. The <see cref="Fingerprint"/> pins the request's
/// dates, type and approval step, so the link decides nothing once the request was edited, moved on or decided: it
/// works once, however often it is opened.
/// </summary>
public sealed record DecisionLink(Guid LeaveId, Guid ApproverMembershipId, long Fingerprint, DateTime ExpiresAt)
{
    /// <summary>A week: long enough for a mail read after a week-end or a short absence, short enough to age out.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The link <paramref name="approverMembershipId"/>'s mail about <paramref name="leave"/> carries when sent at <paramref name="now"/>.</summary>
    public static DecisionLink For(Leave leave, Guid approverMembershipId, DateTime now) =>
        new(leave.Id, approverMembershipId, FingerprintOf(leave), now + Lifetime);

    /// <summary>
    /// Whether the link still decides <paramref name="leave"/> as loaded under its lock: the same request, still
    /// PENDING, unchanged since the mail (dates, type, round and step), and, on an approval chain, still waiting for
    /// this approver. Whether the approver may decide at all is the review's own rule, checked after this.
    /// </summary>
    public DomainError? CheckStillStands(Leave leave, Guid companyId)
    {
        if (leave.Id != LeaveId || leave.Status != LeaveStatus.PENDING || leave.DeletedAt is not null
            || FingerprintOf(leave) != Fingerprint || (leave.FollowsChain && !leave.AwaitsDecisionFrom(ApproverMembershipId)))
        {
            return DecisionLinkErrors.Used(companyId, LeaveId);
        }
        return null;
    }

    /// <summary>
    /// 64 bits of SHA-256 over what the approver decides on. Not a secret (the link is signed); only a change detector.
    /// </summary>
    public static long FingerprintOf(Leave leave)
    {
        var text = string.Join('|', leave.Id, leave.Type, leave.StartDate.ToString("yyyy-MM-dd"), leave.EndDate.ToString("yyyy-MM-dd"),
            leave.StartHalf, leave.EndHalf, leave.Days.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), // 2 and 2.0 alike
            leave.ApprovalRound, leave.ApprovalStep);
        return BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
