using Arkoa.Core.Approvals;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using static Arkoa.Tests.Unit.LeaveApprovalStepTests;

namespace Arkoa.Tests.Unit;

/// <summary>
/// SPEC §11 escalation: which chained requests have waited the company's limit of whole working days at their step
/// (weekends and holidays not counted), and what escalating one does — the next step, or the admins joining the last.
/// </summary>
public sealed class StepEscalationTests
{
    // Monday 1 March 2027, 09:00 in Paris.
    private static readonly DateTime SubmittedAt = new(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Monday = new(2027, 3, 1);
    private static readonly LeaveActor Owner = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: false);
    private static readonly Guid Member = Owner.MembershipId;
    private static readonly LeaveActor Lead = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: false);
    private static readonly LeaveActor Deputy = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: false);
    private static readonly LeaveActor Hr = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: true);
    private static readonly LeaveActor Admin = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: true);

    private static Company CompanyWithLimit(int workingDays) => new() { Name = "Acme", TimeZone = "Europe/Paris", EscalateAfterWorkingDays = workingDays };

    private static LeaveDayCounter Calendar(Company company, params string[] companyHolidays) =>
        LeaveDayCounter.For(company, companyHolidays.Select(DateOnly.Parse));

    private static Leave Routed(DateTime at, params ResolvedStep[] steps) => LeaveApprovalStepTests.RoutedAt(Owner, at, steps);

    private static DomainError? Approve(Leave leave, LeaveActor actor, DateTime at) => leave.Approve(actor.Refreshed(leave), true, null, null, at);

    [Theory]
    [InlineData("2027-03-04", false)] // Thursday: Tuesday and Wednesday waited
    [InlineData("2027-03-05", true)] // Friday: Tuesday to Thursday waited
    [InlineData("2027-03-08", true)]
    public void A_step_is_due_once_it_waited_the_limit_in_whole_working_days(string today, bool due)
    {
        var company = CompanyWithLimit(3);
        Assert.Equal(due, StepEscalation.IsDue(Routed(SubmittedAt, StepOf(ApprovalMode.ANY, Lead)), company, DateOnly.Parse(today), Calendar(company)));
    }

    [Theory]
    [InlineData("2027-03-09", false)] // Thursday 4 → Tuesday 9: Friday and Monday waited, the weekend not counted
    [InlineData("2027-03-10", true)]
    public void A_weekend_does_not_count(string today, bool due) =>
        Assert.Equal(due, StepEscalation.IsDue(new DateOnly(2027, 3, 4), DateOnly.Parse(today), 3, Calendar(CompanyWithLimit(3))));

    [Fact]
    public void Public_and_company_holidays_do_not_count()
    {
        var calendar = Calendar(CompanyWithLimit(2), "2026-04-07");
        // Thursday 2 April 2026: Friday 3, then Easter Monday 6 (public) and Tuesday 7 (the company's) are closed.
        var reachedOn = new DateOnly(2026, 4, 2);

        Assert.False(StepEscalation.IsDue(reachedOn, new DateOnly(2026, 4, 8), 2, calendar));
        Assert.True(StepEscalation.IsDue(reachedOn, new DateOnly(2026, 4, 9), 2, calendar));
    }

    [Fact]
    public void Without_a_limit_nothing_is_ever_due()
    {
        var company = CompanyWithLimit(0);
        Assert.False(StepEscalation.IsDue(Routed(SubmittedAt, StepOf(ApprovalMode.ANY, Lead)), company, Monday.AddYears(1), Calendar(company)));
    }

    [Fact]
    public void A_request_without_a_chain_is_never_due_nor_escalated()
    {
        var company = CompanyWithLimit(1);
        var leave = Routed(SubmittedAt);

        Assert.False(StepEscalation.IsDue(leave, company, Monday.AddDays(30), Calendar(company)));
        Assert.Null(leave.Escalate([Admin.MembershipId], SubmittedAt.AddDays(30)));
        Assert.Single(leave.StatusHistory);
    }

    [Fact]
    public void A_step_waits_from_the_decision_that_brought_the_request_to_it()
    {
        var company = CompanyWithLimit(3);
        var leave = Routed(SubmittedAt, StepOf(ApprovalMode.ANY, Lead), StepOf(ApprovalMode.ANY, Hr));
        var approvedAt = SubmittedAt.AddDays(2); // Wednesday

        Assert.Null(Approve(leave, Lead, approvedAt));

        Assert.Equal(approvedAt, StepEscalation.StepReachedAt(leave));
        Assert.False(StepEscalation.IsDue(leave, company, new DateOnly(2027, 3, 5), Calendar(company)));
        Assert.True(StepEscalation.IsDue(leave, company, new DateOnly(2027, 3, 9), Calendar(company))); // Thu, Fri, Mon waited
    }

    [Fact]
    public void Escalating_a_step_moves_the_request_to_the_next_with_a_history_entry_without_actor()
    {
        var company = CompanyWithLimit(3);
        var leave = Routed(SubmittedAt, StepOf(ApprovalMode.ANY, Lead), StepOf(ApprovalMode.ALL, Hr, Deputy));
        var at = SubmittedAt.AddDays(4);

        var added = leave.Escalate([Admin.MembershipId], at);

        Assert.Equal([Hr.MembershipId, Deputy.MembershipId], added!.Select(a => a.MembershipId));
        Assert.Equal((LeaveStatus.PENDING, (int?)1), (leave.Status, leave.ApprovalStep));
        var escalated = leave.StatusHistory[^1];
        Assert.Equal((LeaveTransition.ESCALATED, (LeaveStatus?)LeaveStatus.PENDING, (LeaveStatus?)LeaveStatus.PENDING, (Guid?)null, at),
            (escalated.Transition, escalated.FromStatus, escalated.ToStatus, escalated.ActorId, escalated.CreatedAt));
        // The next step waits from the escalation: not due again the same day.
        Assert.Equal(at, StepEscalation.StepReachedAt(leave));
        Assert.False(StepEscalation.IsDue(leave, company, new DateOnly(2027, 3, 5), Calendar(company)));
        // The first step's approver no longer decides; the next step's do.
        Assert.False(leave.AwaitsDecisionFrom(Lead.MembershipId));
        Assert.True(leave.AwaitsDecisionFrom(Hr.MembershipId));
    }

    [Fact]
    public void At_the_last_step_the_admins_join_it_but_never_the_requester_nor_one_already_there()
    {
        var leave = Routed(SubmittedAt, StepOf(ApprovalMode.ANY, Hr));

        var added = leave.Escalate([Admin.MembershipId, Member, Hr.MembershipId, Admin.MembershipId], SubmittedAt.AddDays(4));

        var admin = Assert.Single(added!);
        Assert.Equal((Admin.MembershipId, ApproverKind.COMPANY_ADMINS, 0), (admin.MembershipId, admin.Kind, admin.Step));
        Assert.Equal((int?)0, leave.ApprovalStep);
        Assert.Equal([Hr.MembershipId, Admin.MembershipId], leave.CurrentApprovers.Select(a => a.MembershipId));
        Assert.False(leave.AwaitsDecisionFrom(Member));
    }

    [Fact]
    public void A_step_is_escalated_once()
    {
        var company = CompanyWithLimit(1);
        var leave = Routed(SubmittedAt, StepOf(ApprovalMode.ANY, Hr));
        Assert.NotNull(leave.Escalate([Admin.MembershipId], SubmittedAt.AddDays(4)));

        Assert.False(StepEscalation.IsDue(leave, company, Monday.AddDays(30), Calendar(company)));
        Assert.Null(leave.Escalate([Admin.MembershipId], SubmittedAt.AddDays(30)));
        Assert.Equal(2, leave.StatusHistory.Count);
        Assert.Single(leave.Escalations);
    }

    /// <summary>A request whose last (and only) step, ALL of Lead and Deputy, was escalated to the admin.</summary>
    private static Leave EscalatedAllStep()
    {
        var leave = Routed(SubmittedAt, StepOf(ApprovalMode.ALL, Lead, Deputy));
        Assert.NotNull(leave.Escalate([Admin.MembershipId], SubmittedAt.AddDays(4)));
        return leave;
    }

    [Fact]
    public void An_admin_added_to_a_last_all_step_decides_it_alone()
    {
        var leave = EscalatedAllStep();

        Assert.Null(Approve(leave, Admin, SubmittedAt.AddDays(5)));

        Assert.Equal(LeaveStatus.APPROVED, leave.Status);
    }

    [Fact]
    public void The_step_s_own_approvers_of_an_all_step_still_approve_it_without_the_admins_added()
    {
        var leave = EscalatedAllStep();

        Assert.Null(Approve(leave, Lead, SubmittedAt.AddDays(5)));
        Assert.Equal(LeaveStatus.PENDING, leave.Status);
        Assert.Null(Approve(leave, Deputy, SubmittedAt.AddDays(5)));

        Assert.Equal(LeaveStatus.APPROVED, leave.Status);
    }
}
