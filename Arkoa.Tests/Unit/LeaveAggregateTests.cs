using Arkoa.Core.Balances;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using static Arkoa.Tests.Unit.LeaveTransitionTableTests;

namespace Arkoa.Tests.Unit;

/// <summary>SPEC §4: what each transition of the <see cref="Leave"/> aggregate does to balances and its status history.</summary>
public sealed class LeaveAggregateTests
{
    private static readonly DateOnly Monday = new(2027, 3, 15);
    private static readonly DateTime Now = new(2027, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly LeaveActor Owner = new(Guid.NewGuid(), Member, IsManager: false);
    private static readonly LeaveActor Manager = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: true);

    private static Dictionary<LeaveType, decimal> Balance(decimal paid, decimal rtt = 0) => new() { [LeaveType.PAID] = paid, [LeaveType.RTT] = rtt };

    private static Leave Submitted(decimal paid = 10, LeaveType? leaveType = null)
    {
        var type = leaveType ?? LeaveType.PAID;
        var (leave, error) = Leave.Submit(Owner, Member, true, Plan(Monday, Monday.AddDays(4), type), "Holidays", [], Balance(paid, paid), Now);
        Assert.Null(error);
        leave!.ClearBalanceMovements();
        return leave;
    }

    [Fact]
    public void Submitting_deducts_the_days_and_records_who_submitted_with_the_reason()
    {
        var (leave, error) = Leave.Submit(Owner, Member, true, Plan(Monday, Monday.AddDays(4)), "  Holidays ", [], Balance(5), Now);

        Assert.Null(error);
        Assert.Equal(LeaveStatus.PENDING, leave!.Status);
        Assert.Equal("Holidays", leave.Reason);
        var movement = Assert.Single(leave.BalanceMovements);
        Assert.Equal(new BalanceMovement(LeaveType.PAID, -5, LeaveBalanceHistoryType.LEAVE_DEDUCTION, "PAID leave 2027-03-15 – 2027-03-19 (5 days)",
            BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_REQUESTED, new LeaveFacts(LeaveType.PAID, Monday, Monday.AddDays(4), 5))), movement);
        var step = Assert.Single(leave.StatusHistory);
        Assert.Equal((LeaveTransition.SUBMITTED, (LeaveStatus?)null, (LeaveStatus?)LeaveStatus.PENDING, (Guid?)Owner.UserId, "Holidays", Now),
            (step.Transition, step.FromStatus, step.ToStatus, step.ActorId, step.Note, step.CreatedAt));
    }

    [Fact]
    public void Submitting_more_than_the_balance_is_refused_with_the_requested_and_remaining_days()
    {
        var (leave, error) = Leave.Submit(Owner, Member, true, Plan(Monday, Monday.AddDays(4)), null, [], Balance(4.5m), Now);

        Assert.Null(leave);
        Assert.Equal(("insufficient-balance", DomainErrorKind.Validation, "type"), (error!.Code, error.Kind, error.Field));
        Assert.Equal("Insufficient balance: 5 days requested, 4.5 remaining.", error.Message);
        Assert.Equal(5m, error.Values!["requested"]);
        Assert.Equal(4.5m, error.Values!["remaining"]);
    }

    [Fact]
    public void A_leave_of_a_type_without_balance_moves_no_balance()
    {
        var (leave, error) = Leave.Submit(Owner, Member, true, Plan(Monday, Monday, LeaveType.SICK), null, [], Balance(0), Now);

        Assert.Null(error);
        Assert.Empty(leave!.BalanceMovements);
        Assert.Null(leave.Reject(Manager, true, null, "No", Now));
        Assert.Empty(leave.BalanceMovements);
    }

    [Theory]
    [InlineData(false, "not-allowed")]
    [InlineData(true, "membership-deactivated")]
    public void Nobody_submits_for_a_colleague_and_a_deactivated_member_gets_no_leave(bool asManager, string code)
    {
        var actor = asManager ? Manager : new LeaveActor(Guid.NewGuid(), Guid.NewGuid(), false);

        var (_, error) = Leave.Submit(actor, Member, memberActive: !asManager, Plan(Monday, Monday), null, [], Balance(5), Now);

        Assert.Equal(code, error?.Code);
    }

    [Fact]
    public void A_morning_and_an_afternoon_share_a_date_but_two_mornings_overlap()
    {
        var morning = new LeaveNeighbour(Guid.NewGuid(), LeaveType.RTT, new HalfDaySpan(Monday, Monday, null, HalfDayPeriod.MORNING));

        var afternoon = Leave.Submit(Owner, Member, true, Plan(Monday, Monday, startHalf: HalfDayPeriod.AFTERNOON), null, [morning], Balance(5), Now);
        var anotherMorning = Leave.Submit(Owner, Member, true, Plan(Monday, Monday, endHalf: HalfDayPeriod.MORNING), null, [morning], Balance(5), Now);

        Assert.Null(afternoon.Error);
        Assert.Equal("leave-overlap", anotherMorning.Error?.Code);
        // The refusal names the leave it overlaps, so a client can say which one.
        Assert.Equal(morning.LeaveId, anotherMorning.Error!.ValuesOrEmpty["leaveId"]);
        Assert.Equal("RTT", anotherMorning.Error.ValuesOrEmpty["leaveType"]);
        Assert.Equal(Monday, anotherMorning.Error.ValuesOrEmpty["startDate"]);
        Assert.Equal(Monday, anotherMorning.Error.ValuesOrEmpty["endDate"]);
    }

    [Fact]
    public void Editing_within_a_type_writes_one_net_row_and_none_when_the_count_is_unchanged()
    {
        var leave = Submitted();

        Assert.Null(leave.Edit(Owner, true, null, Plan(Monday, Monday.AddDays(1)), null, [], Balance(5), Now));
        Assert.Equal(new BalanceMovement(LeaveType.PAID, 3, LeaveBalanceHistoryType.LEAVE_REFUND,
            "Edited: PAID leave 2027-03-15 – 2027-03-19 (5 days) → PAID leave 2027-03-15 – 2027-03-16 (2 days)",
            BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_EDITED,
                new LeaveFacts(LeaveType.PAID, Monday, Monday.AddDays(1), 2), before: new LeaveFacts(LeaveType.PAID, Monday, Monday.AddDays(4), 5))),
            Assert.Single(leave.BalanceMovements));
        leave.ClearBalanceMovements();

        Assert.Null(leave.Edit(Owner, true, null, Plan(Monday.AddDays(7), Monday.AddDays(8)), "Later", [], Balance(8), Now));
        Assert.Empty(leave.BalanceMovements);
        Assert.Equal("Later", leave.Reason);
        Assert.Equal([LeaveTransition.SUBMITTED, LeaveTransition.EDITED, LeaveTransition.EDITED], leave.StatusHistory.Select(s => s.Transition));
    }

    [Fact]
    public void An_edit_may_use_the_days_it_gives_back_but_not_more()
    {
        var leave = Submitted(paid: 5); // 5 deducted: 0 left

        Assert.Equal("insufficient-balance", leave.Edit(Owner, true, null, Plan(Monday, Monday.AddDays(7)), null, [], Balance(0), Now)?.Code);
        Assert.Null(leave.Edit(Owner, true, null, Plan(Monday.AddDays(7), Monday.AddDays(11)), null, [], Balance(0), Now));
    }

    [Fact]
    public void Editing_to_another_type_deducts_the_new_one_and_refunds_the_old_one()
    {
        var leave = Submitted();

        Assert.Null(leave.Edit(Owner, true, null, Plan(Monday, Monday, LeaveType.RTT), null, [], Balance(5, rtt: 1), Now));

        Assert.Equal([(LeaveType.RTT, -1m, LeaveBalanceHistoryType.LEAVE_DEDUCTION), (LeaveType.PAID, 5m, LeaveBalanceHistoryType.LEAVE_REFUND)],
            leave.BalanceMovements.Select(m => (m.Type, m.Change, m.HistoryType)));
        Assert.Equal("Edited: PAID leave 2027-03-15 – 2027-03-19 (5 days)", leave.BalanceMovements[1].Reason);
        Assert.Equal(BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_REQUESTED, new LeaveFacts(LeaveType.RTT, Monday, Monday, 1)),
            leave.BalanceMovements[0].Facts);
        Assert.Equal(BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_EDITED,
            new LeaveFacts(LeaveType.RTT, Monday, Monday, 1), before: new LeaveFacts(LeaveType.PAID, Monday, Monday.AddDays(4), 5)),
            leave.BalanceMovements[1].Facts);
    }

    [Fact]
    public void Approving_keeps_the_deduction_and_records_the_reviewer()
    {
        var leave = Submitted();

        Assert.Null(leave.Approve(Manager, true, null, "  Enjoy ", Now));

        Assert.Empty(leave.BalanceMovements);
        Assert.Equal((LeaveStatus.APPROVED, "Enjoy", (Guid?)Manager.UserId, (DateTime?)Now), (leave.Status, leave.ManagerNote, leave.ReviewedById, leave.ReviewedAt));
        var step = leave.StatusHistory[^1];
        Assert.Equal((LeaveTransition.APPROVED, (LeaveStatus?)LeaveStatus.PENDING, (LeaveStatus?)LeaveStatus.APPROVED, "Enjoy"),
            (step.Transition, step.FromStatus, step.ToStatus, step.Note));
    }

    [Fact]
    public void Rejecting_needs_a_note_and_refunds_the_days()
    {
        var leave = Submitted();

        var noNote = leave.Reject(Manager, true, null, "  ", Now);
        Assert.Equal(("rejection-note-required", "managerNote"), (noNote?.Code, noNote?.Field));
        Assert.Null(leave.Reject(Manager, true, null, "Busy week", Now));

        Assert.Equal(new BalanceMovement(LeaveType.PAID, 5, LeaveBalanceHistoryType.LEAVE_REFUND, "Rejected: PAID leave 2027-03-15 – 2027-03-19 (5 days)",
            BalanceChangeFacts.ForLeave(BalanceChangeCause.LEAVE_REJECTED, new LeaveFacts(LeaveType.PAID, Monday, Monday.AddDays(4), 5))),
            Assert.Single(leave.BalanceMovements));
        Assert.Equal("Busy week", leave.StatusHistory[^1].Note);
    }

    [Fact]
    public void Canceling_an_approved_leave_refunds_and_keeps_the_review()
    {
        var leave = Submitted();
        Assert.Null(leave.Approve(Manager, true, null, null, Now));

        Assert.Null(leave.Cancel(Manager, null, Monday.AddDays(-1), Now));

        var refund = Assert.Single(leave.BalanceMovements);
        Assert.Equal("Canceled: PAID leave 2027-03-15 – 2027-03-19 (5 days)", refund.Reason);
        Assert.Equal(BalanceChangeCause.LEAVE_CANCELED, refund.Facts.Cause);
        Assert.Equal(Manager.UserId, leave.ReviewedById);
        Assert.Equal((LeaveStatus?)LeaveStatus.APPROVED, leave.StatusHistory[^1].FromStatus);
    }

    [Fact]
    public void Deleting_refunds_marks_the_leave_deleted_and_records_it()
    {
        var leave = Submitted();

        Assert.Null(leave.Delete(Owner, true, Now));

        Assert.Equal(Now, leave.DeletedAt);
        var refund = Assert.Single(leave.BalanceMovements);
        Assert.Equal((5m, BalanceChangeCause.LEAVE_DELETED), (refund.Change, refund.Facts.Cause));
        Assert.Equal((LeaveTransition.DELETED, (LeaveStatus?)null), (leave.StatusHistory[^1].Transition, leave.StatusHistory[^1].ToStatus));
    }

    [Fact]
    public void A_deleted_leave_is_gone_for_every_action_and_refunds_once()
    {
        var leave = Submitted();
        Assert.Null(leave.Delete(Owner, true, Now));
        leave.ClearBalanceMovements();

        Assert.Equal(Enumerable.Repeat("leave-not-found", 5), new[]
        {
            leave.Delete(Manager, true, Now), leave.Cancel(Manager, null, Monday.AddDays(-7), Now),
            leave.Edit(Owner, true, null, Plan(Monday, Monday), null, [], Balance(5), Now),
            leave.Approve(Manager, true, null, null, Now), leave.Reject(Manager, true, null, "No", Now),
        }.Select(e => e?.Code));
        Assert.Empty(leave.BalanceMovements);
        Assert.Empty(leave.AllowedActions(Manager, true, Monday.AddDays(-7)));
    }

    [Fact]
    public void A_review_request_is_a_manager_s_with_a_review_status()
    {
        Assert.Equal("review-needs-manager", LeaveRules.CheckReviewRequest(Owner, LeaveStatus.APPROVED, null)?.Code);
        Assert.Equal("review-status-invalid", LeaveRules.CheckReviewRequest(Manager, LeaveStatus.CANCELED, null)?.Code);
        Assert.Equal("rejection-note-required", LeaveRules.CheckReviewRequest(Manager, LeaveStatus.REJECTED, null)?.Code);
        Assert.Null(LeaveRules.CheckReviewRequest(Manager, LeaveStatus.APPROVED, null));
    }

    private static readonly DateOnly Today = Monday.AddDays(-5);

    private static Leave Approved()
    {
        var leave = Submitted();
        Assert.Null(leave.Approve(Manager, true, null, "Enjoy", Now));
        leave.StatusHistory.Clear();
        return leave;
    }

    [Fact]
    public void Asking_to_cancel_an_approved_leave_moves_no_day_and_records_the_member_s_reason()
    {
        var leave = Approved();

        Assert.Null(leave.RequestCancel(Owner, true, null, "  Trip called off ", Today, Now));

        Assert.Equal((LeaveStatus.APPROVED, (DateTime?)Now, "Trip called off"), (leave.Status, leave.CancelRequestedAt, leave.CancelRequestReason));
        Assert.Empty(leave.BalanceMovements);
        var step = Assert.Single(leave.StatusHistory);
        Assert.Equal((LeaveTransition.CANCEL_REQUESTED, (LeaveStatus?)LeaveStatus.APPROVED, (LeaveStatus?)LeaveStatus.APPROVED, (Guid?)Owner.UserId, "Trip called off"),
            (step.Transition, step.FromStatus, step.ToStatus, step.ActorId, step.Note));
        Assert.Equal("cancel-already-requested", leave.RequestCancel(Owner, true, null, null, Today, Now)?.Code);
    }

    [Fact]
    public void A_manager_accepts_the_request_by_canceling_the_leave_and_its_days_come_back()
    {
        var leave = Approved();
        Assert.Null(leave.RequestCancel(Owner, true, null, null, Today, Now));

        Assert.Null(leave.Cancel(Manager, null, Today, Now));

        Assert.Equal((LeaveStatus.CANCELED, (DateTime?)null), (leave.Status, leave.CancelRequestedAt));
        var refund = Assert.Single(leave.BalanceMovements);
        Assert.Equal((LeaveType.PAID, 5m, LeaveBalanceHistoryType.LEAVE_REFUND), (refund.Type, refund.Change, refund.HistoryType));
        Assert.Equal([LeaveTransition.CANCEL_REQUESTED, LeaveTransition.CANCELED], leave.StatusHistory.Select(s => s.Transition));
    }

    [Fact]
    public void A_manager_declines_the_request_with_a_note_and_the_leave_stays_approved_with_its_days_taken()
    {
        var leave = Approved();
        Assert.Null(leave.RequestCancel(Owner, true, null, "Trip called off", Today, Now));

        Assert.Equal(("decline-note-required", "managerNote"), (leave.DeclineCancel(Manager, null, "  ", Now)?.Code, leave.DeclineCancel(Manager, null, null, Now)?.Field));
        Assert.NotNull(leave.CancelRequestedAt); // the refusal changed nothing
        Assert.Null(leave.DeclineCancel(Manager, null, " Busiest week of the year ", Now));

        Assert.Equal((LeaveStatus.APPROVED, (DateTime?)null, (string?)null, "Enjoy"), (leave.Status, leave.CancelRequestedAt, leave.CancelRequestReason, leave.ManagerNote));
        Assert.Empty(leave.BalanceMovements);
        var step = leave.StatusHistory.Last();
        Assert.Equal((LeaveTransition.CANCEL_DECLINED, (Guid?)Manager.UserId, "Busiest week of the year"), (step.Transition, step.ActorId, step.Note));
        // Declined, the member may ask again (plans may change twice).
        Assert.Null(leave.RequestCancel(Owner, true, null, null, Today, Now));
    }

    [Fact]
    public void Asking_and_declining_refuse_a_stale_version()
    {
        var leave = Approved();
        leave.Version = 4;

        Assert.Equal("stale-leave", leave.RequestCancel(Owner, true, 3, null, Today, Now)?.Code);
        Assert.Null(leave.RequestCancel(Owner, true, 4, null, Today, Now));
        Assert.Equal("stale-leave", leave.DeclineCancel(Manager, 3, "No", Now)?.Code);
        Assert.NotNull(leave.CancelRequestedAt);
    }

    [Fact]
    public void The_member_takes_their_request_back_and_the_leave_stays_approved_as_before()
    {
        var leave = Approved();
        leave.Version = 4;
        Assert.Null(leave.RequestCancel(Owner, true, null, "Trip called off", Today, Now));

        Assert.Equal("not-allowed", leave.WithdrawCancel(Manager, true, null, Now)?.Code); // a manager answers instead
        Assert.Equal("stale-leave", leave.WithdrawCancel(Owner, true, 3, Now)?.Code);
        Assert.NotNull(leave.CancelRequestedAt); // the refusals changed nothing
        Assert.Null(leave.WithdrawCancel(Owner, true, 4, Now));

        Assert.Equal((LeaveStatus.APPROVED, (DateTime?)null, (string?)null, "Enjoy"), (leave.Status, leave.CancelRequestedAt, leave.CancelRequestReason, leave.ManagerNote));
        Assert.Empty(leave.BalanceMovements);
        var step = leave.StatusHistory.Last();
        Assert.Equal((LeaveTransition.CANCEL_WITHDRAWN, (LeaveStatus?)LeaveStatus.APPROVED, (LeaveStatus?)LeaveStatus.APPROVED, (Guid?)Owner.UserId),
            (step.Transition, step.FromStatus, step.ToStatus, step.ActorId));
        // Nothing is left for a manager to answer, nor to withdraw again; the member may still ask later.
        Assert.Equal("no-cancel-request", leave.DeclineCancel(Manager, null, "No", Now)?.Code);
        Assert.Equal("no-cancel-request", leave.WithdrawCancel(Owner, true, null, Now)?.Code);
        Assert.Null(leave.RequestCancel(Owner, true, null, null, Today, Now));
    }
}
