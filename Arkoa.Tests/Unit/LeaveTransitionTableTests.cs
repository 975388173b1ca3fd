using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;

namespace Arkoa.Tests.Unit;

/// <summary>
/// SPEC §4's transition table on the <see cref="Leave"/> aggregate, without a database: every status × action × actor
/// role, the refusal's code or the transition's effect, and allowedActions agreeing with it cell by cell.
/// </summary>
public sealed class LeaveTransitionTableTests
{
    private static readonly DateOnly Today = new(2027, 3, 10); // a Wednesday
    private static readonly DateTime Now = new(2027, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid OwnerMembership = Guid.NewGuid();
    private static readonly LeaveDayCounter Calendar = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, "FR", []);

    public enum Role { Owner, OtherEmployee, Manager, Admin, ManagerOnOwnLeave, ManagerOfDeactivatedMember }

    /// <summary>An APPROVED leave not yet started whose member asked to cancel it (the request still open).</summary>
    public enum State { Pending, ApprovedFuture, ApprovedStarted, Rejected, Canceled, CancelRequested }

    private const string Ok = "ok";
    private const string NotPending = "leave-not-pending", NotDeletable = "leave-not-deletable", NotCancelable = "leave-not-cancelable";
    private const string NeedsManager = "review-needs-manager", NotAllowed = "not-allowed", OwnReview = "own-leave-review";
    private const string Started = "leave-started", CancelOnly = "membership-deactivated-cancel-only";
    private const string Yourself = "cancel-it-yourself", Already = "cancel-already-requested", NoRequest = "no-cancel-request";

    /// <summary>Role, state, then the answer to edit, cancel, delete, approve, reject, request-cancel, decline-cancel, withdraw-cancel.</summary>
    public static TheoryData<Role, State, string, string, string, string, string, string, string, string> Table => new()
    {
        { Role.Owner, State.Pending, Ok, Ok, Ok, NeedsManager, NeedsManager, Yourself, NeedsManager, NoRequest },
        { Role.Owner, State.ApprovedFuture, NotPending, "approved-cancel-needs-manager", NotDeletable, NeedsManager, NeedsManager, Ok, NeedsManager, NoRequest },
        { Role.Owner, State.ApprovedStarted, NotPending, "approved-cancel-needs-manager", NotDeletable, NeedsManager, NeedsManager, Started, NeedsManager, NoRequest },
        { Role.Owner, State.Rejected, NotPending, NotCancelable, NotDeletable, NeedsManager, NeedsManager, NotCancelable, NeedsManager, NoRequest },
        { Role.Owner, State.Canceled, NotPending, NotCancelable, NotDeletable, NeedsManager, NeedsManager, NotCancelable, NeedsManager, NoRequest },
        { Role.Owner, State.CancelRequested, NotPending, "approved-cancel-needs-manager", NotDeletable, NeedsManager, NeedsManager, Already, NeedsManager, Ok },

        { Role.OtherEmployee, State.Pending, NotAllowed, NotAllowed, NotAllowed, NeedsManager, NeedsManager, NotAllowed, NeedsManager, NotAllowed },
        { Role.OtherEmployee, State.ApprovedFuture, NotAllowed, NotAllowed, NotAllowed, NeedsManager, NeedsManager, NotAllowed, NeedsManager, NotAllowed },
        { Role.OtherEmployee, State.ApprovedStarted, NotAllowed, NotAllowed, NotAllowed, NeedsManager, NeedsManager, NotAllowed, NeedsManager, NotAllowed },
        { Role.OtherEmployee, State.Rejected, NotAllowed, NotAllowed, NotAllowed, NeedsManager, NeedsManager, NotAllowed, NeedsManager, NotAllowed },
        { Role.OtherEmployee, State.Canceled, NotAllowed, NotAllowed, NotAllowed, NeedsManager, NeedsManager, NotAllowed, NeedsManager, NotAllowed },
        { Role.OtherEmployee, State.CancelRequested, NotAllowed, NotAllowed, NotAllowed, NeedsManager, NeedsManager, NotAllowed, NeedsManager, NotAllowed },

        { Role.Manager, State.Pending, Ok, Ok, Ok, Ok, Ok, NotAllowed, NoRequest, NotAllowed },
        { Role.Manager, State.ApprovedFuture, NotPending, Ok, NotDeletable, NotPending, NotPending, NotAllowed, NoRequest, NotAllowed },
        { Role.Manager, State.ApprovedStarted, NotPending, Started, NotDeletable, NotPending, NotPending, NotAllowed, NoRequest, NotAllowed },
        { Role.Manager, State.Rejected, NotPending, NotCancelable, NotDeletable, NotPending, NotPending, NotAllowed, NoRequest, NotAllowed },
        { Role.Manager, State.Canceled, NotPending, NotCancelable, NotDeletable, NotPending, NotPending, NotAllowed, NoRequest, NotAllowed },
        { Role.Manager, State.CancelRequested, NotPending, Ok, NotDeletable, NotPending, NotPending, NotAllowed, Ok, NotAllowed },

        { Role.Admin, State.Pending, Ok, Ok, Ok, Ok, Ok, NotAllowed, NoRequest, NotAllowed },
        { Role.Admin, State.ApprovedFuture, NotPending, Ok, NotDeletable, NotPending, NotPending, NotAllowed, NoRequest, NotAllowed },
        { Role.Admin, State.ApprovedStarted, NotPending, Started, NotDeletable, NotPending, NotPending, NotAllowed, NoRequest, NotAllowed },
        { Role.Admin, State.Rejected, NotPending, NotCancelable, NotDeletable, NotPending, NotPending, NotAllowed, NoRequest, NotAllowed },
        { Role.Admin, State.Canceled, NotPending, NotCancelable, NotDeletable, NotPending, NotPending, NotAllowed, NoRequest, NotAllowed },
        { Role.Admin, State.CancelRequested, NotPending, Ok, NotDeletable, NotPending, NotPending, NotAllowed, Ok, NotAllowed },

        { Role.ManagerOnOwnLeave, State.Pending, Ok, Ok, Ok, OwnReview, OwnReview, Yourself, OwnReview, NoRequest },
        { Role.ManagerOnOwnLeave, State.ApprovedFuture, NotPending, Ok, NotDeletable, OwnReview, OwnReview, Yourself, OwnReview, NoRequest },
        { Role.ManagerOnOwnLeave, State.ApprovedStarted, NotPending, Started, NotDeletable, OwnReview, OwnReview, Started, OwnReview, NoRequest },
        { Role.ManagerOnOwnLeave, State.Rejected, NotPending, NotCancelable, NotDeletable, OwnReview, OwnReview, NotCancelable, OwnReview, NoRequest },
        { Role.ManagerOnOwnLeave, State.Canceled, NotPending, NotCancelable, NotDeletable, OwnReview, OwnReview, NotCancelable, OwnReview, NoRequest },
        { Role.ManagerOnOwnLeave, State.CancelRequested, NotPending, Ok, NotDeletable, OwnReview, OwnReview, Yourself, OwnReview, Ok },

        { Role.ManagerOfDeactivatedMember, State.Pending, CancelOnly, Ok, CancelOnly, CancelOnly, CancelOnly, NotAllowed, NoRequest, NotAllowed },
        { Role.ManagerOfDeactivatedMember, State.ApprovedFuture, CancelOnly, Ok, CancelOnly, CancelOnly, CancelOnly, NotAllowed, NoRequest, NotAllowed },
        { Role.ManagerOfDeactivatedMember, State.ApprovedStarted, CancelOnly, Started, CancelOnly, CancelOnly, CancelOnly, NotAllowed, NoRequest, NotAllowed },
        { Role.ManagerOfDeactivatedMember, State.Rejected, CancelOnly, NotCancelable, CancelOnly, CancelOnly, CancelOnly, NotAllowed, NoRequest, NotAllowed },
        { Role.ManagerOfDeactivatedMember, State.Canceled, CancelOnly, NotCancelable, CancelOnly, CancelOnly, CancelOnly, NotAllowed, NoRequest, NotAllowed },
        { Role.ManagerOfDeactivatedMember, State.CancelRequested, CancelOnly, Ok, CancelOnly, CancelOnly, CancelOnly, NotAllowed, Ok, NotAllowed },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_action_of_every_role_on_every_status_succeeds_or_refuses_with_its_code(
        Role role, State state, string edit, string cancel, string delete, string approve, string reject, string requestCancel, string declineCancel, string withdrawCancel)
    {
        var expected = new Dictionary<LeaveAction, string>
        {
            [LeaveAction.Edit] = edit, [LeaveAction.Cancel] = cancel, [LeaveAction.Delete] = delete,
            [LeaveAction.Approve] = approve, [LeaveAction.Reject] = reject,
            [LeaveAction.RequestCancel] = requestCancel, [LeaveAction.DeclineCancel] = declineCancel,
            [LeaveAction.WithdrawCancel] = withdrawCancel,
        };
        foreach (var (action, answer) in expected)
        {
            var leave = LeaveIn(state);
            var before = (leave.Status, leave.DeletedAt, leave.StartDate, History: leave.StatusHistory.Count, leave.CancelRequestedAt);

            var error = Act(leave, action, ActorFor(role), MemberActive(role));

            Assert.True(answer == (error?.Code ?? Ok), $"{role} {action} on {state}: expected {answer}, got {error?.Code ?? Ok}");
            if (error is null)
            {
                Assert.Equal(before.History + 1, leave.StatusHistory.Count);
                Assert.Equal(ExpectedStatus(action, before.Status), leave.Status);
                // Only asking opens a cancellation request; every other move (accepting by canceling, declining, withdrawing) closes it.
                Assert.Equal(action == LeaveAction.RequestCancel, leave.CancelRequestedAt is not null);
            }
            else
            {
                // A refusal changes nothing.
                Assert.Equal(before, (leave.Status, leave.DeletedAt, leave.StartDate, leave.StatusHistory.Count, leave.CancelRequestedAt));
                Assert.Empty(leave.BalanceMovements);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Allowed_actions_are_exactly_the_actions_that_succeed(
        Role role, State state, string edit, string cancel, string delete, string approve, string reject, string requestCancel, string declineCancel, string withdrawCancel)
    {
        var answers = new[] { (LeaveAction.Edit, edit), (LeaveAction.Cancel, cancel), (LeaveAction.Delete, delete),
            (LeaveAction.Approve, approve), (LeaveAction.Reject, reject),
            (LeaveAction.RequestCancel, requestCancel), (LeaveAction.DeclineCancel, declineCancel), (LeaveAction.WithdrawCancel, withdrawCancel) };

        var allowed = LeaveIn(state).AllowedActions(ActorFor(role), MemberActive(role), Today);

        Assert.Equal(answers.Where(a => a.Item2 == Ok).Select(a => a.Item1), allowed);
    }

    [Fact]
    public void A_leave_starting_today_has_started_and_one_starting_tomorrow_has_not()
    {
        var manager = ActorFor(Role.Manager);
        var today = LeaveIn(State.ApprovedFuture);
        today.StartDate = Today;
        var tomorrow = LeaveIn(State.ApprovedFuture);
        tomorrow.StartDate = Today.AddDays(1);

        Assert.Equal("leave-started", today.Cancel(manager, null, Today, Now)?.Code);
        Assert.Null(tomorrow.Cancel(manager, null, Today, Now));
    }

    [Theory]
    [InlineData(LeaveAction.Edit)]
    [InlineData(LeaveAction.Cancel)]
    [InlineData(LeaveAction.Approve)]
    [InlineData(LeaveAction.Reject)]
    public void A_stale_version_is_refused_before_anything_changes(LeaveAction action)
    {
        var leave = LeaveIn(State.Pending);
        leave.Version = 3;

        var error = Act(leave, action, ActorFor(Role.Manager), memberActive: true, version: 2);

        Assert.Equal("stale-leave", error?.Code);
        Assert.Equal(LeaveStatus.PENDING, leave.Status);
        Assert.Empty(leave.StatusHistory);
    }

    private static DomainError? Act(Leave leave, LeaveAction action, LeaveActor actor, bool memberActive, int? version = null) => action switch
    {
        LeaveAction.Edit => leave.Edit(actor, memberActive, version, Plan(Today.AddDays(21), Today.AddDays(22)), null, [], Plenty, Now),
        LeaveAction.Cancel => leave.Cancel(actor, version, Today, Now),
        LeaveAction.Delete => leave.Delete(actor, memberActive, Now),
        LeaveAction.Approve => leave.Approve(actor, memberActive, version, null, Now),
        LeaveAction.RequestCancel => leave.RequestCancel(actor, memberActive, version, "Plans changed", Today, Now),
        LeaveAction.DeclineCancel => leave.DeclineCancel(actor, version, "Busy week", Now),
        LeaveAction.WithdrawCancel => leave.WithdrawCancel(actor, memberActive, version, Now),
        _ => leave.Reject(actor, memberActive, version, "Busy week", Now),
    };

    private static LeaveStatus ExpectedStatus(LeaveAction action, LeaveStatus before) => action switch
    {
        LeaveAction.Cancel => LeaveStatus.CANCELED,
        LeaveAction.Approve => LeaveStatus.APPROVED,
        LeaveAction.Reject => LeaveStatus.REJECTED,
        _ => before,
    };

    internal static readonly IReadOnlyDictionary<LeaveType, decimal> Plenty = new Dictionary<LeaveType, decimal> { [LeaveType.PAID] = 50, [LeaveType.RTT] = 50 };

    internal static LeavePlan Plan(DateOnly start, DateOnly end, LeaveType? type = null, HalfDayPeriod? startHalf = null, HalfDayPeriod? endHalf = null) =>
        LeavePlanner.Count(Calendar, type ?? LeaveType.PAID, start, end, startHalf, endHalf).Plan!;

    private static Leave LeaveIn(State state)
    {
        var start = state == State.ApprovedStarted ? Today.AddDays(-1) : Today.AddDays(7);
        return new Leave
        {
            MembershipId = OwnerMembership, Type = LeaveType.PAID, UsesBalance = true, StartDate = start, EndDate = start.AddDays(2), Days = 3,
            CancelRequestedAt = state == State.CancelRequested ? Now.AddDays(-1) : null,
            Status = state switch
            {
                State.Pending => LeaveStatus.PENDING,
                State.ApprovedFuture or State.ApprovedStarted or State.CancelRequested => LeaveStatus.APPROVED,
                State.Rejected => LeaveStatus.REJECTED,
                _ => LeaveStatus.CANCELED,
            },
        };
    }

    private static LeaveActor ActorFor(Role role) => role switch
    {
        Role.Owner => new(Guid.NewGuid(), OwnerMembership, IsManager: false),
        Role.OtherEmployee => new(Guid.NewGuid(), Guid.NewGuid(), IsManager: false),
        Role.Manager or Role.ManagerOfDeactivatedMember => Actor(UserRole.MANAGER, Guid.NewGuid()),
        Role.Admin => Actor(UserRole.ADMIN, Guid.NewGuid()),
        _ => Actor(UserRole.MANAGER, OwnerMembership),
    };

    // Through Membership.IsManager, the one manager check.
    private static LeaveActor Actor(UserRole role, Guid membershipId) =>
        LeaveActor.Of(new Membership { Id = membershipId, UserId = Guid.NewGuid(), Role = role });

    private static bool MemberActive(Role role) => role != Role.ManagerOfDeactivatedMember;
}
