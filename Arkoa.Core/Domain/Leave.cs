using Arkoa.Core.Approvals;
using Arkoa.Core.Balances;
using Arkoa.Core.Leaves;

namespace Arkoa.Core.Domain;

/// <summary>
/// A leave and its lifecycle (SPEC §4): the aggregate that owns every transition — submit, edit, approve, reject,
/// cancel, delete — checks its preconditions (<see cref="LeaveRules"/>, overlap, balance), decides its balance effects
/// (<see cref="BalanceMovements"/>, written by the ledger under the member lock) and records it in
/// <see cref="StatusHistory"/>. A refusal is a <see cref="DomainError"/> and changes nothing.
/// Plain methods rather than a state machine library (Stateless): each transition refuses with its own error, in an
/// order clients see, and depends on who acts and on the day, which guards of a generic machine would hide.
/// The setters stay public for EF Core, the test kits' direct writes and the benchmark's data generator.
/// </summary>
public sealed class Leave : Entity
{
    public const int TextMaxLength = 500;

    public Guid MembershipId { get; set; }
    public Membership? Membership { get; set; }
    public LeaveType Type { get; set; }

    /// <summary>
    /// Whether this leave took its days from the member's balance of its type: the type's flag when the leave was
    /// submitted or last edited, kept so that a refund gives back exactly what was taken even if the type changes since.
    /// </summary>
    public bool UsesBalance { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public HalfDayPeriod? StartHalf { get; set; }
    public HalfDayPeriod? EndHalf { get; set; }

    /// <summary>Counted working days, computed when the leave is written.</summary>
    public decimal Days { get; set; }
    public LeaveStatus Status { get; set; } = LeaveStatus.PENDING;
    public string? Reason { get; set; }

    /// <summary>The last review's note, reviewer and instant (every review is in <see cref="StatusHistory"/>).</summary>
    public string? ManagerNote { get; set; }
    public Guid? ReviewedById { get; set; }
    public DateTime? ReviewedAt { get; set; }

    /// <summary>
    /// When the member asked to cancel this APPROVED leave, or null when no such request is open: a manager accepts it
    /// (<see cref="Cancel"/>, the days come back) or declines it (<see cref="DeclineCancel"/>); the leave stays APPROVED meanwhile.
    /// </summary>
    public DateTime? CancelRequestedAt { get; set; }

    /// <summary>The member's reason for the open cancellation request, if they gave one (erasure clears it).</summary>
    public string? CancelRequestReason { get; set; }

    /// <summary>Optimistic concurrency token: a stale edit or review fails instead of overwriting.</summary>
    public int Version { get; set; }

    /// <summary>
    /// When the leave was deleted (a PENDING request withdrawn), or null. The row stays, because its balance history
    /// names it (SPEC §2: history is append-only), but no query sees it (a query filter of the model).
    /// </summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Every step of the leave; only the steps taken since it was loaded unless the query includes them.</summary>
    public List<LeaveStatusChange> StatusHistory { get; set; } = [];

    /// <summary>
    /// The step of the approval chain the request waits at (0 for the first), or null for a request decided as SPEC §10
    /// says (a company without chain, delegation or approver override): any manager of the member, first decision wins.
    /// </summary>
    public int? ApprovalStep { get; set; }

    /// <summary>How many steps the current round has (0 without a chain).</summary>
    public int ApprovalStepCount { get; set; }

    /// <summary>How many times the chain was resolved for this request (its submission, then each edit); 0 without a chain.</summary>
    public int ApprovalRound { get; set; }

    /// <summary>The approvers of every step of every round (loaded when included).</summary>
    public List<LeaveApprover> Approvers { get; set; } = [];

    /// <summary>Every decision at a step (loaded when included).</summary>
    public List<LeaveStepDecision> StepDecisions { get; set; } = [];

    /// <summary>The steps the Worker passed on after they waited too long (loaded when included).</summary>
    public List<LeaveEscalation> Escalations { get; set; } = [];

    private readonly List<BalanceMovement> _balanceMovements = [];

    /// <summary>The balance changes the transitions since the leave was loaded cause, still to be written.</summary>
    public IReadOnlyList<BalanceMovement> BalanceMovements => _balanceMovements;

    /// <summary>
    /// A new PENDING leave of <paramref name="membershipId"/> by its owner or a manager: the member is active, the plan
    /// (already checked and counted, backfill included) overlaps none of <paramref name="neighbours"/>, and a PAID or RTT
    /// leave fits its balance, from which it is deducted.
    /// </summary>
    public static (Leave? Leave, DomainError? Error) Submit(
        LeaveActor actor, Guid membershipId, bool memberActive, LeavePlan plan, string? reason,
        IEnumerable<LeaveNeighbour> neighbours, IReadOnlyDictionary<LeaveType, decimal> balances, DateTime now)
    {
        if (LeaveRules.CheckSubmit(actor, membershipId, memberActive) is { } refusal) return (null, refusal);
        if (plan.FirstOverlap(neighbours) is { } overlapped) return (null, LeaveErrors.Overlap(overlapped));
        var leave = new Leave { MembershipId = membershipId, Reason = reason?.Trim() };
        leave.Take(plan);
        if (leave.UsesBalance)
        {
            if (Remaining(balances, leave.Type) < leave.Days) return (null, LeaveErrors.InsufficientBalance(leave.Days, Remaining(balances, leave.Type)));
            leave._balanceMovements.Add(new(leave.Type, -leave.Days, LeaveBalanceHistoryType.LEAVE_DEDUCTION, leave.Describe(),
                BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_REQUESTED, LeaveFacts.Of(leave))));
        }
        leave.Record(LeaveTransition.SUBMITTED, null, actor, leave.Reason, now);
        if (!plan.RequiresApproval)
        {
            // A type that needs no approval (issue 17): nobody decides it, it is approved as it is submitted.
            (leave.Status, leave.ReviewedById, leave.ReviewedAt) = (LeaveStatus.APPROVED, actor.UserId, now);
            leave.Record(LeaveTransition.APPROVED, LeaveStatus.PENDING, actor, null, now);
        }
        return (leave, null);
    }

    /// <summary>
    /// A PENDING leave takes a new extent (and reason, when given): within one balance type one net movement (none when
    /// the count is unchanged), across types the new one deducted and the old one refunded.
    /// </summary>
    public DomainError? Edit(
        LeaveActor actor, bool memberActive, int? version, LeavePlan plan, string? reason,
        IEnumerable<LeaveNeighbour> neighbours, IReadOnlyDictionary<LeaveType, decimal> balances, DateTime now)
    {
        if (LeaveRules.CheckEdit(this, actor, memberActive, version) is { } refusal) return refusal;
        if (plan.FirstOverlap(neighbours) is { } overlapped) return LeaveErrors.Overlap(overlapped);
        if (EditDoesNotFit(plan, balances) is { } insufficient) return insufficient;

        var (before, beforeFacts, oldType, oldDays, oldUsesBalance) = (Describe(), LeaveFacts.Of(this), Type, Days, UsesBalance);
        Take(plan);
        if (reason is not null) Reason = reason.Trim();
        if (oldType == Type && oldUsesBalance == UsesBalance)
        {
            // One net row, none when the count is unchanged.
            var net = oldDays - Days;
            if (UsesBalance && net != 0)
            {
                var kind = net < 0 ? LeaveBalanceHistoryType.LEAVE_DEDUCTION : LeaveBalanceHistoryType.LEAVE_REFUND;
                _balanceMovements.Add(new(Type, net, kind, $"Edited: {before} → {Describe()}",
                    BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_EDITED, LeaveFacts.Of(this), beforeFacts)));
            }
        }
        else
        {
            if (UsesBalance)
            {
                _balanceMovements.Add(new(Type, -Days, LeaveBalanceHistoryType.LEAVE_DEDUCTION, Describe(),
                    BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_REQUESTED, LeaveFacts.Of(this))));
            }
            if (oldUsesBalance)
            {
                _balanceMovements.Add(new(oldType, oldDays, LeaveBalanceHistoryType.LEAVE_REFUND, $"Edited: {before}",
                    BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_EDITED, LeaveFacts.Of(this), beforeFacts)));
            }
        }
        Record(LeaveTransition.EDITED, LeaveStatus.PENDING, actor, Reason, now);
        return null;
    }

    /// <summary>A manager approves someone else's PENDING leave; its days stay deducted.</summary>
    public DomainError? Approve(LeaveActor actor, bool memberActive, int? version, string? managerNote, DateTime now) =>
        Review(actor, memberActive, version, LeaveStatus.APPROVED, managerNote, now);

    /// <summary>A manager rejects someone else's PENDING leave, saying why; its days come back.</summary>
    public DomainError? Reject(LeaveActor actor, bool memberActive, int? version, string? managerNote, DateTime now) =>
        Review(actor, memberActive, version, LeaveStatus.REJECTED, managerNote, now);

    /// <summary>
    /// Cancels the leave (<see cref="LeaveRules.CheckCancel"/>); its days come back. <paramref name="why"/> starts the
    /// refund's history reason, <paramref name="cause"/> is its fact.
    /// </summary>
    public DomainError? Cancel(LeaveActor actor, int? version, DateOnly today, DateTime now, string why = "Canceled",
        BalanceChangeCause cause = BalanceChangeCause.LEAVE_CANCELED)
    {
        if (LeaveRules.CheckCancel(this, actor, today, version) is { } refusal) return refusal;
        var from = Status;
        Status = LeaveStatus.CANCELED;
        CloseCancelRequest(); // canceling accepts an open request
        Refund(why, cause);
        Record(LeaveTransition.CANCELED, from, actor, null, now);
        return null;
    }

    /// <summary>
    /// The member asks a manager to cancel their APPROVED leave that has not started (<see cref="LeaveRules.CheckRequestCancel"/>):
    /// nothing moves until a manager accepts (<see cref="Cancel"/>) or declines (<see cref="DeclineCancel"/>).
    /// </summary>
    public DomainError? RequestCancel(LeaveActor actor, bool memberActive, int? version, string? reason, DateOnly today, DateTime now)
    {
        if (LeaveRules.CheckRequestCancel(this, actor, memberActive, today, version) is { } refusal) return refusal;
        CancelRequestedAt = now;
        CancelRequestReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Record(LeaveTransition.CANCEL_REQUESTED, Status, actor, CancelRequestReason, now);
        return null;
    }

    /// <summary>A manager declines the member's request to cancel, saying why: the leave stays APPROVED, its days taken.</summary>
    public DomainError? DeclineCancel(LeaveActor actor, int? version, string? managerNote, DateTime now)
    {
        if (LeaveRules.CheckDeclineCancel(this, actor, version) is { } refusal) return refusal;
        if (string.IsNullOrWhiteSpace(managerNote)) return LeaveErrors.DeclineNeedsNote;
        CloseCancelRequest();
        Record(LeaveTransition.CANCEL_DECLINED, Status, actor, managerNote.Trim(), now);
        return null;
    }

    /// <summary>
    /// The member takes back their open request to cancel (plans changed again): the leave stays APPROVED as it was, and
    /// the managers no longer see a request to answer (<see cref="LeaveRules.CheckWithdrawCancel"/>).
    /// </summary>
    public DomainError? WithdrawCancel(LeaveActor actor, bool memberActive, int? version, DateTime now)
    {
        if (LeaveRules.CheckWithdrawCancel(this, actor, memberActive, version) is { } refusal) return refusal;
        CloseCancelRequest();
        Record(LeaveTransition.CANCEL_WITHDRAWN, Status, actor, null, now);
        return null;
    }

    /// <summary>Withdraws a PENDING leave: its days come back, and the row stays, marked deleted and hidden everywhere.</summary>
    public DomainError? Delete(LeaveActor actor, bool memberActive, DateTime now)
    {
        if (LeaveRules.CheckDelete(this, actor, memberActive) is { } refusal) return refusal;
        Refund("Deleted", BalanceChangeCause.LEAVE_DELETED);
        DeletedAt = now;
        Record(LeaveTransition.DELETED, Status, actor, null, now);
        return null;
    }

    /// <summary>Whether the request goes through an approval chain's steps rather than SPEC §10's single decision.</summary>
    public bool FollowsChain => ApprovalStep is not null;

    /// <summary>
    /// Sends the request through <paramref name="steps"/> from the first, in a new round (on submission, and again after
    /// an edit: the request changed, so its approvers decide it afresh). No step: SPEC §10's single decision.
    /// </summary>
    public void RouteThrough(IReadOnlyList<ResolvedStep> steps)
    {
        if (steps.Count == 0)
        {
            (ApprovalStep, ApprovalStepCount) = (null, 0);
            return;
        }
        ApprovalRound++;
        (ApprovalStep, ApprovalStepCount) = (0, steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            foreach (var approver in steps[i].Approvers)
            {
                Approvers.Add(new LeaveApprover
                {
                    LeaveId = Id, Round = ApprovalRound, Step = i, Kind = steps[i].Kind, Mode = steps[i].Mode,
                    MembershipId = approver.MembershipId, OnBehalfOfId = approver.OnBehalfOfId,
                });
            }
        }
    }

    /// <summary>
    /// The Worker passes the current step of this PENDING chained request on, because it waited too long (SPEC §11): the
    /// request moves to its next step, or, at the last step, the company's active admins (never the requester, nor one
    /// already an approver of it) join the step, any one of them deciding it alone. Recorded as an ESCALATED history
    /// entry with no actor. Returns the approvers it now waits for who were not before (for their mail); null when it
    /// does not apply: not a pending chained request, or this step was escalated already.
    /// </summary>
    public IReadOnlyList<LeaveApprover>? Escalate(IEnumerable<Guid> companyAdmins, DateTime now)
    {
        if (Status != LeaveStatus.PENDING || DeletedAt is not null || ApprovalStep is not { } step) return null;
        if (Escalations.Any(e => e.Round == ApprovalRound && e.Step == step)) return null;
        Escalations.Add(new LeaveEscalation { LeaveId = Id, Round = ApprovalRound, Step = step, CreatedAt = now });
        List<LeaveApprover> added;
        if (step + 1 < ApprovalStepCount)
        {
            ApprovalStep = step + 1;
            added = [.. CurrentApprovers];
        }
        else
        {
            var already = CurrentApprovers.Select(a => a.MembershipId).ToHashSet();
            added = [.. companyAdmins.Where(admin => admin != MembershipId && already.Add(admin)).Select(admin => new LeaveApprover
            {
                LeaveId = Id, Round = ApprovalRound, Step = step, Kind = ApproverKind.COMPANY_ADMINS, Mode = ApprovalMode.ANY, MembershipId = admin,
            })];
            Approvers.AddRange(added);
        }
        StatusHistory.Add(new LeaveStatusChange
        {
            LeaveId = Id, Transition = LeaveTransition.ESCALATED, FromStatus = LeaveStatus.PENDING, ToStatus = LeaveStatus.PENDING,
            ActorId = null, CreatedAt = now,
        });
        return added;
    }

    /// <summary>The approvers of the step the request waits at.</summary>
    public IEnumerable<LeaveApprover> CurrentApprovers =>
        FollowsChain ? Approvers.Where(a => a.Round == ApprovalRound && a.Step == ApprovalStep) : [];

    /// <summary>The decisions taken at the step the request waits at.</summary>
    public IEnumerable<LeaveStepDecision> CurrentDecisions =>
        FollowsChain ? StepDecisions.Where(d => d.Round == ApprovalRound && d.Step == ApprovalStep) : [];

    /// <summary>
    /// Whether this PENDING request waits for <paramref name="membershipId"/>'s decision at its current step, or this
    /// approved request's open request to cancel waits for them as an approver of the round's first step (SPEC §11).
    /// </summary>
    public bool AwaitsDecisionFrom(Guid membershipId) =>
        DeletedAt is null && FollowsChain && (Status == LeaveStatus.PENDING
            ? CurrentApprovers.Any(a => a.MembershipId == membershipId) && !CurrentDecisions.Any(d => d.MembershipId == membershipId)
            : Status == LeaveStatus.APPROVED && CancelRequestedAt is not null && CancelApprovers.Any(a => a.MembershipId == membershipId));

    /// <summary>Who answers the member's request to cancel this chained leave: the approvers of its round's first step.</summary>
    public IEnumerable<LeaveApprover> CancelApprovers =>
        FollowsChain ? Approvers.Where(a => a.Round == ApprovalRound && a.Step == 0) : [];

    /// <summary>What <paramref name="actor"/> may do with this leave on the company's <paramref name="today"/>.</summary>
    public IReadOnlyList<LeaveAction> AllowedActions(LeaveActor actor, bool memberActive, DateOnly today) =>
        LeaveRules.AllowedActions(this, actor, memberActive, today);

    /// <summary>Forgets the balance movements once written (the ledger took them).</summary>
    public void ClearBalanceMovements() => _balanceMovements.Clear();

    /// <summary>"PAID leave 2027-01-04 – 2027-01-08 (5 days)": how balance history reasons name a leave (SPEC §4).</summary>
    public string Describe() => $"{Type} leave {StartDate:yyyy-MM-dd} – {EndDate:yyyy-MM-dd} ({Days} days)";

    private DomainError? Review(LeaveActor actor, bool memberActive, int? version, LeaveStatus status, string? managerNote, DateTime now)
    {
        // On a chain, being awaited at the step is what counts (an employee may be), as the leave under its lock says.
        var refusal = FollowsChain
            ? LeaveRules.CheckDecision(status, managerNote) ?? LeaveRules.CheckReview(this, actor, memberActive, version)
            : LeaveRules.CheckReviewRequest(actor, status, managerNote) ?? LeaveRules.CheckReview(this, actor, memberActive, version);
        if (refusal is not null) return refusal;
        if (FollowsChain && DecideStep(actor, status, managerNote, now) is false) return null;
        Status = status;
        ManagerNote = string.IsNullOrWhiteSpace(managerNote) ? null : managerNote.Trim();
        ReviewedById = actor.UserId;
        ReviewedAt = now;
        if (status == LeaveStatus.REJECTED) Refund("Rejected", BalanceChangeCause.LEAVE_REJECTED);
        Record(status == LeaveStatus.APPROVED ? LeaveTransition.APPROVED : LeaveTransition.REJECTED, LeaveStatus.PENDING, actor, ManagerNote, now);
        return null;
    }

    /// <summary>
    /// Records <paramref name="actor"/>'s decision at the current step; true when it decides the request (a rejection, or
    /// the approval of the last step), false when the request waits on (another approver of an ALL step, or the next step).
    /// </summary>
    private bool DecideStep(LeaveActor actor, LeaveStatus status, string? note, DateTime now)
    {
        var approver = CurrentApprovers.First(a => a.MembershipId == actor.MembershipId);
        StepDecisions.Add(new LeaveStepDecision
        {
            LeaveId = Id, Round = ApprovalRound, Step = approver.Step, MembershipId = approver.MembershipId,
            OnBehalfOfId = approver.OnBehalfOfId, Decision = status == LeaveStatus.APPROVED ? StepDecision.APPROVED : StepDecision.REJECTED,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), CreatedAt = now,
        });
        if (status == LeaveStatus.REJECTED) return true;
        var approved = CurrentDecisions.Where(d => d.Decision == StepDecision.APPROVED).Select(d => d.MembershipId).ToHashSet();
        // Admins an escalation added to an ALL step decide alone (ANY); the step's own approvers still all must approve.
        if (approver.Mode == ApprovalMode.ALL
            && !CurrentApprovers.Where(a => a.Mode == ApprovalMode.ALL).All(a => approved.Contains(a.MembershipId))) return false;
        if (ApprovalStep + 1 >= ApprovalStepCount) return true;
        ApprovalStep++;
        return false;
    }

    /// <summary>Why the edit to <paramref name="plan"/> does not fit the balance, the old days given back first; null when it fits.</summary>
    private DomainError? EditDoesNotFit(LeavePlan plan, IReadOnlyDictionary<LeaveType, decimal> balances)
    {
        if (!plan.UsesBalance) return null;
        var remaining = Remaining(balances, plan.Type);
        var givenBack = plan.Type == Type && UsesBalance ? Days : 0;
        return remaining + givenBack < plan.Days ? LeaveErrors.InsufficientBalance(plan.Days, remaining) : null;
    }

    private void CloseCancelRequest() => (CancelRequestedAt, CancelRequestReason) = (null, null);

    private void Take(LeavePlan plan) =>
        (Type, StartDate, EndDate, StartHalf, EndHalf, Days, UsesBalance) =
            (plan.Type, plan.Start, plan.End, plan.StartHalf, plan.EndHalf, plan.Days, plan.UsesBalance);

    private void Refund(string why, BalanceChangeCause cause)
    {
        if (UsesBalance)
        {
            _balanceMovements.Add(new(Type, Days, LeaveBalanceHistoryType.LEAVE_REFUND, $"{why}: {Describe()}",
                BalanceChangeFacts.ForLeave(cause, LeaveFacts.Of(this))));
        }
    }

    private void Record(LeaveTransition transition, LeaveStatus? from, LeaveActor actor, string? note, DateTime now) =>
        StatusHistory.Add(new LeaveStatusChange
        {
            LeaveId = Id, Transition = transition, FromStatus = from, ToStatus = transition == LeaveTransition.DELETED ? null : Status,
            ActorId = actor.UserId, Note = note, CreatedAt = now,
        });

    private static decimal Remaining(IReadOnlyDictionary<LeaveType, decimal> balances, LeaveType type) => balances.GetValueOrDefault(type);
}
