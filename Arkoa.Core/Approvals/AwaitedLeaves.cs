using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Approvals;

/// <summary>The requests following an approval chain whose current step waits for a member's decision (SPEC §11).</summary>
public static class AwaitedLeaves
{
    /// <summary>
    /// The ids of the PENDING requests at whose current step (this round) <paramref name="membershipId"/> is an approver
    /// who has not decided yet, and of the approved ones whose open request to cancel waits for them as an approver of
    /// the round's first step: the "waiting for me" of the approvals lists, its count, and who may decide
    /// (<see cref="Leave.AwaitsDecisionFrom"/> says the same of one loaded leave).
    /// </summary>
    public static IQueryable<Guid> AwaitedLeaveIds(this ArkoaDbContext db, Guid membershipId) =>
        db.LeaveApprovers.AsNoTracking().Where(a => a.MembershipId == membershipId)
            .Join(db.Leaves, a => a.LeaveId, l => l.Id, (a, l) => new { Approver = a, Leave = l })
            .Where(x => x.Leave.DeletedAt == null && x.Leave.ApprovalRound == x.Approver.Round
                && ((x.Leave.Status == LeaveStatus.PENDING && x.Leave.ApprovalStep == x.Approver.Step
                        && !db.LeaveStepDecisions.Any(d => d.LeaveId == x.Leave.Id && d.Round == x.Approver.Round && d.Step == x.Approver.Step
                            && d.MembershipId == membershipId))
                    || (x.Leave.Status == LeaveStatus.APPROVED && x.Leave.CancelRequestedAt != null && x.Approver.Step == 0)))
            .Select(x => x.Leave.Id);

    public static async Task<IReadOnlySet<Guid>> AwaitedLeaveIdsAsync(this ArkoaDbContext db, Guid membershipId, CancellationToken cancellationToken) =>
        (await db.AwaitedLeaveIds(membershipId).ToListAsync(cancellationToken)).ToHashSet();
}
