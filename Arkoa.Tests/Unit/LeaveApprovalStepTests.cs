using Arkoa.Core.Approvals;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using static Arkoa.Tests.Unit.LeaveTransitionTableTests;

namespace Arkoa.Tests.Unit;

/// <summary>
/// SPEC §11: a request following an approval chain moves step by step — each decision recorded, an ALL step waiting for
/// every approver, a rejection at any step ending it with the refund — and only an approver its current step waits for
/// decides (<see cref="LeaveRules"/> and <c>allowedActions</c> agree).
/// </summary>
public sealed class LeaveApprovalStepTests
{
    private static readonly DateOnly Monday = new(2027, 3, 15);
    private static readonly DateTime Now = new(2027, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly LeaveActor Owner = new(Guid.NewGuid(), Member, IsManager: false);
    private static readonly LeaveActor Lead = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: false);
    private static readonly LeaveActor Deputy = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: false);
    private static readonly LeaveActor Hr = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: true);
    private static readonly LeaveActor OtherManager = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: true);

    /// <summary>A PAID request of 5 days through <paramref name="steps"/>.</summary>
    private static Leave Routed(params ResolvedStep[] steps) => RoutedAt(Owner, Now, steps);

    /// <summary>A PAID request of 5 days by <paramref name="owner"/>, submitted at <paramref name="at"/>, through <paramref name="steps"/>.</summary>
    internal static Leave RoutedAt(LeaveActor owner, DateTime at, params ResolvedStep[] steps)
    {
        var (leave, error) = Leave.Submit(owner, owner.MembershipId, true, Plan(Monday, Monday.AddDays(4)), null, [],
            new Dictionary<LeaveType, decimal> { [LeaveType.PAID] = 10 }, at);
        Assert.Null(error);
        leave!.ClearBalanceMovements();
        leave.RouteThrough(steps);
        return leave;
    }

    internal static ResolvedStep StepOf(ApprovalMode mode, params LeaveActor[] approvers) =>
        new(ApproverKind.TEAM_MANAGERS, mode, approvers.Select(a => new ResolvedApprover(a.MembershipId)).ToList(), false);

    /// <summary>The actor as the Api gives it: with the requests whose current step waits for them.</summary>
    private static LeaveActor Seen(LeaveActor actor, Leave leave) => actor.Refreshed(leave);

    private static DomainError? Approve(Leave leave, LeaveActor actor, string? note = null) => leave.Approve(Seen(actor, leave), true, null, note, Now);

    [Fact]
    public void Without_steps_a_request_keeps_the_single_decision()
    {
        var leave = Routed();

        Assert.False(leave.FollowsChain);
        Assert.Null(leave.Approve(OtherManager, true, null, null, Now));
        Assert.Equal(LeaveStatus.APPROVED, leave.Status);
    }

    [Fact]
    public void Two_steps_the_first_approval_moves_the_request_on_and_the_last_approves_it()
    {
        var leave = Routed(StepOf(ApprovalMode.ANY, Lead), StepOf(ApprovalMode.ANY, Hr));

        Assert.Null(Approve(leave, Lead, " fine "));
        Assert.Equal((LeaveStatus.PENDING, (int?)1), (leave.Status, leave.ApprovalStep));
        Assert.Single(leave.StatusHistory); // submitted: a step's decision is not a status change
        Assert.Null(Approve(leave, Hr));

        Assert.Equal(LeaveStatus.APPROVED, leave.Status);
        Assert.Equal(LeaveTransition.APPROVED, leave.StatusHistory[^1].Transition);
        Assert.Equal([(0, Lead.MembershipId, StepDecision.APPROVED, "fine"), (1, Hr.MembershipId, StepDecision.APPROVED, (string?)null)],
            leave.StepDecisions.Select(d => (d.Step, d.MembershipId, d.Decision, d.Note)));
        Assert.All(leave.StepDecisions, d => Assert.Equal(Now, d.CreatedAt));
    }

    [Fact]
    public void A_rejection_at_a_later_step_ends_the_request_with_the_refund()
    {
        var leave = Routed(StepOf(ApprovalMode.ANY, Lead), StepOf(ApprovalMode.ANY, Hr));
        Assert.Null(Approve(leave, Lead));

        Assert.Null(leave.Reject(Seen(Hr, leave), true, null, "Busy week", Now));

        Assert.Equal(LeaveStatus.REJECTED, leave.Status);
        var refund = Assert.Single(leave.BalanceMovements);
        Assert.Equal((LeaveType.PAID, 5m), (refund.Type, refund.Change));
        Assert.Equal((1, StepDecision.REJECTED, "Busy week"), (leave.StepDecisions[^1].Step, leave.StepDecisions[^1].Decision, leave.StepDecisions[^1].Note));
    }

    [Fact]
    public void An_all_step_waits_for_every_approver_and_records_each_once()
    {
        var leave = Routed(StepOf(ApprovalMode.ALL, Lead, Deputy), StepOf(ApprovalMode.ANY, Hr));

        Assert.Null(Approve(leave, Lead));
        Assert.Equal((int?)0, leave.ApprovalStep);
        Assert.Equal(ProblemCodes.ApprovalStepDecided, Approve(leave, Lead)!.Code);
        Assert.Null(Approve(leave, Deputy));

        Assert.Equal((LeaveStatus.PENDING, (int?)1), (leave.Status, leave.ApprovalStep));
        Assert.Equal(2, leave.StepDecisions.Count);
    }

    [Fact]
    public void An_any_step_is_decided_by_the_first_approver_and_the_other_is_then_too_late()
    {
        var leave = Routed(StepOf(ApprovalMode.ANY, Lead, Deputy), StepOf(ApprovalMode.ANY, Hr));

        Assert.Null(Approve(leave, Lead));

        Assert.Equal(ProblemCodes.ApprovalStepDecided, Approve(leave, Deputy)!.Code);
        Assert.Single(leave.StepDecisions);
    }

    [Fact]
    public void A_manager_who_is_not_at_the_current_step_cannot_decide_and_sees_no_review_action()
    {
        var leave = Routed(StepOf(ApprovalMode.ANY, Lead), StepOf(ApprovalMode.ANY, Hr));

        Assert.Equal(ProblemCodes.ApprovalNotYourStep, Approve(leave, OtherManager)!.Code);
        Assert.Equal(ProblemCodes.ApprovalNotYourStep, Approve(leave, Hr)!.Code); // Hr's step comes later
        Assert.DoesNotContain(LeaveAction.Approve, leave.AllowedActions(Seen(Hr, leave), true, Monday.AddDays(-5)));
        Assert.Contains(LeaveAction.Approve, leave.AllowedActions(Seen(Lead, leave), true, Monday.AddDays(-5)));
        Assert.Empty(leave.StepDecisions);
    }

    [Fact]
    public void The_requester_never_decides_their_own_request_whatever_the_steps_say()
    {
        var leave = Routed(StepOf(ApprovalMode.ANY, Owner));

        Assert.Equal(ProblemCodes.OwnLeaveReview, Approve(leave, Owner)!.Code);
    }

    [Fact]
    public void A_delegate_decides_on_behalf_of_the_delegator_and_the_decision_says_so()
    {
        var leave = Routed(new ResolvedStep(ApproverKind.TEAM_MANAGERS, ApprovalMode.ANY, [new ResolvedApprover(Deputy.MembershipId, Lead.MembershipId)], false));

        Assert.Equal(ProblemCodes.ApprovalNotYourStep, Approve(leave, Lead)!.Code);
        Assert.Null(Approve(leave, Deputy));

        Assert.Equal((Deputy.MembershipId, (Guid?)Lead.MembershipId), (leave.StepDecisions[0].MembershipId, leave.StepDecisions[0].OnBehalfOfId));
        Assert.Equal(LeaveStatus.APPROVED, leave.Status);
    }

    [Fact]
    public void An_edit_routes_the_request_again_from_the_first_step_in_a_new_round()
    {
        var leave = Routed(StepOf(ApprovalMode.ANY, Lead), StepOf(ApprovalMode.ANY, Hr));
        Assert.Null(Approve(leave, Lead));

        leave.RouteThrough([StepOf(ApprovalMode.ANY, Lead), StepOf(ApprovalMode.ANY, Hr)]);

        Assert.Equal((2, (int?)0, 2), (leave.ApprovalRound, leave.ApprovalStep, leave.ApprovalStepCount));
        Assert.True(leave.AwaitsDecisionFrom(Lead.MembershipId)); // the first round's decision does not count
    }
}
