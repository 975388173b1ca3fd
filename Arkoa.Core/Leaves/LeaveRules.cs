using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// Who may move an existing leave, from which status, on which day (SPEC §4): the preconditions the <see cref="Leave"/>
/// aggregate's transitions check first, and from them what a caller may do with a leave (<c>allowedActions</c>), so the
/// buttons the Web shows and the answers the Api gives can never disagree. Each check gives the first refusal in the
/// order the Api has always answered: who, then the member's state, then the version, then the status and dates. A
/// deleted leave is gone for every action (the Api never loads one: the model's query filter hides it).
/// </summary>
public static class LeaveRules
{
    /// <summary>Submit: the member themself or a manager of theirs (company or team), for an active member.</summary>
    public static DomainError? CheckSubmit(LeaveActor actor, Guid membershipId, bool memberActive) =>
        !actor.MayActOn(membershipId) ? LeaveErrors.NotAllowed
        : !memberActive ? LeaveErrors.MembershipDeactivated
        : null;

    /// <summary>Edit: the owner or a manager of theirs, the member active, the leave PENDING.</summary>
    public static DomainError? CheckEdit(Leave leave, LeaveActor actor, bool memberActive, int? version) =>
        leave.DeletedAt is not null ? LeaveErrors.LeaveNotFound
        : !actor.MayActOn(leave.MembershipId) ? LeaveErrors.NotAllowed
        : !memberActive ? LeaveErrors.OnlyCancel
        : StaleOrNotPending(leave, version);

    /// <summary>The review request itself: a manager (of the company or of a team), a status that is a review, and a note to reject.</summary>
    public static DomainError? CheckReviewRequest(LeaveActor actor, LeaveStatus status, string? managerNote) =>
        !actor.DecidesForSomeone ? LeaveErrors.ReviewNeedsManager : CheckDecision(status, managerNote);

    /// <summary>A status that is a review, and a note to reject.</summary>
    public static DomainError? CheckDecision(LeaveStatus status, string? managerNote) =>
        status is not (LeaveStatus.APPROVED or LeaveStatus.REJECTED) ? LeaveErrors.ReviewStatus
        : status == LeaveStatus.REJECTED && string.IsNullOrWhiteSpace(managerNote) ? LeaveErrors.RejectionNeedsNote
        : null;

    /// <summary>
    /// Approve or reject: a company manager, or a manager of one of the member's teams; never on their own leave
    /// (separation of duties), the member active, PENDING. A request following a chain: an approver of its current step.
    /// </summary>
    public static DomainError? CheckReview(Leave leave, LeaveActor actor, bool memberActive, int? version) =>
        leave.DeletedAt is not null ? LeaveErrors.LeaveNotFound
        : leave.FollowsChain ? CheckStepReview(leave, actor, memberActive, version)
        : !actor.DecidesForSomeone ? LeaveErrors.ReviewNeedsManager
        : actor.Owns(leave) ? LeaveErrors.OwnLeaveReview
        : !actor.Manages(leave.MembershipId) ? LeaveErrors.OutsideTheirTeams
        : !memberActive ? LeaveErrors.OnlyCancel
        : StaleOrNotPending(leave, version);

    /// <summary>
    /// A request following a chain (SPEC §11): only an approver its current step still waits for decides it; a decided
    /// request says so first, as without a chain.
    /// </summary>
    private static DomainError? CheckStepReview(Leave leave, LeaveActor actor, bool memberActive, int? version) =>
        actor.Owns(leave) ? LeaveErrors.OwnLeaveReview
        : !memberActive ? LeaveErrors.OnlyCancel
        : StaleOrNotPending(leave, version) is { } refusal ? refusal
        : actor.AwaitsDecisionOn(leave.Id) ? null
        : DecidedAlready(leave, actor) ? LeaveErrors.StepDecided
        : LeaveErrors.NotYourStep;

    /// <summary>An approver of an earlier step of the round, or one who decided the current step (approvers loaded).</summary>
    private static bool DecidedAlready(Leave leave, LeaveActor actor) =>
        leave.Approvers.Any(a => a.Round == leave.ApprovalRound && a.Step < leave.ApprovalStep && a.MembershipId == actor.MembershipId)
        || leave.CurrentDecisions.Any(d => d.MembershipId == actor.MembershipId);

    /// <summary>
    /// Cancel: the owner a PENDING leave; a manager a PENDING one or an APPROVED one that starts after the company's
    /// <paramref name="today"/>. A deactivated member's leaves too: canceling is what stays possible for them.
    /// </summary>
    public static DomainError? CheckCancel(Leave leave, LeaveActor actor, DateOnly today, int? version)
    {
        if (leave.DeletedAt is not null) return LeaveErrors.LeaveNotFound;
        if (!actor.MayActOn(leave.MembershipId) && !AnswersCancelRequest(leave, actor)) return LeaveErrors.NotAllowed;
        if (version is { } v && v != leave.Version) return LeaveErrors.Stale;
        return leave.Status switch
        {
            LeaveStatus.PENDING => null,
            LeaveStatus.APPROVED when !actor.Manages(leave.MembershipId) && !AnswersCancelRequest(leave, actor) => LeaveErrors.ApprovedCancelNeedsManager,
            LeaveStatus.APPROVED when leave.StartDate > today => null,
            LeaveStatus.APPROVED => LeaveErrors.Started(leave.Status),
            _ => LeaveErrors.NotCancelable(leave.Status),
        };
    }

    /// <summary>
    /// Ask to cancel: the owner of an APPROVED leave that has not started, an active member, no request already open. Whoever
    /// may cancel the leave directly (a manager on their own leave, anyone on a PENDING one) does that instead.
    /// </summary>
    public static DomainError? CheckRequestCancel(Leave leave, LeaveActor actor, bool memberActive, DateOnly today, int? version) =>
        leave.DeletedAt is not null ? LeaveErrors.LeaveNotFound
        : !actor.Owns(leave) ? LeaveErrors.NotAllowed
        : !memberActive ? LeaveErrors.OnlyCancel
        : version is { } v && v != leave.Version ? LeaveErrors.Stale
        : CheckCancel(leave, actor, today, version: null) is null ? LeaveErrors.CancelItYourself
        : leave.Status != LeaveStatus.APPROVED ? LeaveErrors.NotCancelable(leave.Status)
        : leave.StartDate <= today ? LeaveErrors.Started(leave.Status)
        : leave.CancelRequestedAt is not null ? LeaveErrors.CancelAlreadyRequested
        : null;

    /// <summary>
    /// Decline a cancellation request: a manager of the company or of the member's team (or, after a chain, an approver of
    /// its first step), never on their own leave, an open
    /// request (even once the leave has started, so the request does not stay open forever). Accepting it is <see cref="CheckCancel"/>.
    /// </summary>
    public static DomainError? CheckDeclineCancel(Leave leave, LeaveActor actor, int? version) =>
        leave.DeletedAt is not null ? LeaveErrors.LeaveNotFound
        : !actor.DecidesForSomeone ? LeaveErrors.ReviewNeedsManager
        : actor.Owns(leave) ? LeaveErrors.OwnLeaveReview
        : !actor.Manages(leave.MembershipId) && !AnswersCancelRequest(leave, actor) ? LeaveErrors.OutsideTheirTeams
        : version is { } v && v != leave.Version ? LeaveErrors.Stale
        : leave.CancelRequestedAt is null ? LeaveErrors.NoCancelRequest
        : null;

    /// <summary>
    /// The member's open request to cancel a leave approved through an approval chain goes to the chain's first step
    /// (SPEC §11): its approvers answer it (accept: cancel; or decline), whatever their role, besides the managers
    /// who may always (so it never waits on nobody).
    /// </summary>
    private static bool AnswersCancelRequest(Leave leave, LeaveActor actor) =>
        leave.Status == LeaveStatus.APPROVED && leave.CancelRequestedAt is not null && actor.AwaitsDecisionOn(leave.Id);

    /// <summary>
    /// Take back a request to cancel: its owner alone (a manager answers it instead), an active member, an open request,
    /// even once the leave has started (the request must not stay open for nothing).
    /// </summary>
    public static DomainError? CheckWithdrawCancel(Leave leave, LeaveActor actor, bool memberActive, int? version) =>
        leave.DeletedAt is not null ? LeaveErrors.LeaveNotFound
        : !actor.Owns(leave) ? LeaveErrors.NotAllowed
        : !memberActive ? LeaveErrors.OnlyCancel
        : version is { } v && v != leave.Version ? LeaveErrors.Stale
        : leave.CancelRequestedAt is null ? LeaveErrors.NoCancelRequest
        : null;

    /// <summary>Delete: the owner or a manager of theirs, the member active, PENDING only (anything else is canceled instead).</summary>
    public static DomainError? CheckDelete(Leave leave, LeaveActor actor, bool memberActive) =>
        leave.DeletedAt is not null ? LeaveErrors.LeaveNotFound
        : !actor.MayActOn(leave.MembershipId) ? LeaveErrors.NotAllowed
        : !memberActive ? LeaveErrors.OnlyCancel
        : leave.Status != LeaveStatus.PENDING ? LeaveErrors.NotDeletable(leave.Status)
        : null;

    /// <summary>What <paramref name="actor"/> may do with <paramref name="leave"/> today: every action whose check passes.</summary>
    public static IReadOnlyList<LeaveAction> AllowedActions(Leave leave, LeaveActor actor, bool memberActive, DateOnly today)
    {
        var allowed = new List<LeaveAction>(8);
        if (CheckEdit(leave, actor, memberActive, version: null) is null) allowed.Add(LeaveAction.Edit);
        if (CheckCancel(leave, actor, today, version: null) is null) allowed.Add(LeaveAction.Cancel);
        if (CheckDelete(leave, actor, memberActive) is null) allowed.Add(LeaveAction.Delete);
        if (CheckReview(leave, actor, memberActive, version: null) is null) allowed.AddRange([LeaveAction.Approve, LeaveAction.Reject]);
        if (CheckRequestCancel(leave, actor, memberActive, today, version: null) is null) allowed.Add(LeaveAction.RequestCancel);
        if (CheckDeclineCancel(leave, actor, version: null) is null) allowed.Add(LeaveAction.DeclineCancel);
        if (CheckWithdrawCancel(leave, actor, memberActive, version: null) is null) allowed.Add(LeaveAction.WithdrawCancel);
        return allowed;
    }

    private static DomainError? StaleOrNotPending(Leave leave, int? version) =>
        version is { } v && v != leave.Version ? LeaveErrors.Stale
        : leave.Status != LeaveStatus.PENDING ? LeaveErrors.NotPending(leave.Status)
        : null;
}
