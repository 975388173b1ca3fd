using Arkoa.Api.Capacity;
using Arkoa.Api.Http;
using Arkoa.Core.Balances;
using Arkoa.Core.Capacity;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Leaves;

/// <summary>
/// Decides a PENDING leave as one approver: the one path of the review endpoint and of the Approve and Reject links of
/// approvers' mails. Loads the leave under its member's lock, lets the leave decide (<see cref="Leave.Approve"/>,
/// <see cref="Leave.Reject"/>), checks the teams' coverage for an approval, writes the ledger and the mails, saves.
/// </summary>
public sealed class LeaveReview(ArkoaDbContext db, BalanceLedger ledger, LeaveNotifications notifications, TimeProvider clock)
{
    public sealed record Decision(LeaveStatus Status, int? Version, string? ManagerNote, bool OverrideCoverage);

    /// <summary>The decided leave with who decided it as they now are, or why not.</summary>
    public sealed record Outcome(Leave? Leave, LeaveActor? Decider, bool MemberActive, DomainError? Error);

    /// <param name="stillApplies">A check of the leave as loaded under its lock before anything else (e.g. that a mail's link still stands for it).</param>
    public async Task<Outcome> DecideAsync(Company company, LeaveActor actor, Guid leaveId, Guid membershipId, Decision decision,
        CancellationToken cancellationToken, Func<Leave, DomainError?>? stillApplies = null)
    {
        var outcome = await db.InTransactionAsync(async ct =>
        {
            // The member lock makes concurrent reviews (and edits) of one leave take turns: exactly one finds it PENDING.
            await db.LockMemberAsync(membershipId, ct);
            var leave = await db.Leaves.Include(l => l.Membership).Include(l => l.Approvers).Include(l => l.StepDecisions)
                .AsSplitQuery().SingleAsync(l => l.Id == leaveId, ct);
            var memberActive = leave.Membership!.Active;
            if (stillApplies?.Invoke(leave) is { } gone) return new Outcome(null, null, memberActive, gone);
            var now = clock.GetUtcNow().UtcDateTime;
            // Whether the request's step waits for the caller is read again under the lock: a concurrent decision may have moved it on.
            var decider = actor.Refreshed(leave);
            var step = leave.ApprovalStep;
            var refused = decision.Status == LeaveStatus.APPROVED
                ? leave.Approve(decider, memberActive, decision.Version, decision.ManagerNote, now)
                : leave.Reject(decider, memberActive, decision.Version, decision.ManagerNote, now);
            if (refused is not null) return new Outcome(null, null, memberActive, refused);
            if (leave.Status == LeaveStatus.APPROVED)
            {
                var shortfalls = await db.ShortfallsIfApprovedAsync(company, leave, lockTeams: true, ct);
                if (CoverageApproval.Check(shortfalls, decision.OverrideCoverage, decision.ManagerNote) is { } shortfall)
                {
                    return new Outcome(null, null, memberActive, shortfall);
                }
                if (shortfalls.Count > 0) CoverageApproval.RecordOverride(leave);
            }

            await ledger.ApplyAsync(db, leave, actor.UserId, ct); // a refund always fits
            if (leave.Status != LeaveStatus.PENDING) await notifications.ReviewedAsync(leave, actor.UserId, ct);
            else if (leave.ApprovalStep != step) await notifications.SubmittedAsync(leave, actor.UserId, edited: false, ct); // the next step's approvers
            await db.SaveChangesAsync(ct);
            return new Outcome(leave, decider.Refreshed(leave), memberActive, null);
        }, cancellationToken);

        if (outcome.Error is null)
        {
            ArkoaMetrics.LeavesReviewed.Add(1, new KeyValuePair<string, object?>("status", decision.Status.ToString()));
        }
        return outcome;
    }
}
