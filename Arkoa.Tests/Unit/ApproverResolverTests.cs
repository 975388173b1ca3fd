using Arkoa.Core.Approvals;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

/// <summary>
/// SPEC §11: who approves each step of a request — chains × conditions × the organisation, delegation windows, the
/// requester never, and the fallback to the admins.
/// </summary>
public sealed class ApproverResolverTests
{
    private static readonly DateOnly Today = new(2027, 3, 15);

    // The company: Hélène (admin, HR), Marc (manager), Dana (the department head, of Engineering), Tom (team lead of
    // Backend, under Engineering), Eve and Sam (employees of Backend), Ivy (an inactive member). Everyone is also in
    // the default team, which the company's managers manage; Backend or Engineering is their primary team.
    private static readonly Guid Helene = Guid.NewGuid(), Marc = Guid.NewGuid(), Dana = Guid.NewGuid(), Tom = Guid.NewGuid(),
        Eve = Guid.NewGuid(), Sam = Guid.NewGuid(), Ivy = Guid.NewGuid();
    private static readonly Guid Everyone = Guid.NewGuid(), Engineering = Guid.NewGuid(), Backend = Guid.NewGuid();

    private static ApprovalOrg Org(Guid requester, Guid? memberApprover = null, params ApprovalDelegation[] delegations) => new(
        requester,
        requester == Tom || requester == Eve || requester == Sam ? [Everyone, Backend] : [Everyone, Engineering],
        requester == Tom || requester == Eve || requester == Sam ? Backend : Engineering,
        new Dictionary<Guid, Guid?> { [Everyone] = null, [Engineering] = null, [Backend] = Engineering },
        new Dictionary<Guid, IReadOnlyList<Guid>> { [Everyone] = [Helene, Marc], [Engineering] = [Dana], [Backend] = [Tom] },
        [Helene, Marc], [Helene], new HashSet<Guid> { Helene, Marc, Dana, Tom, Eve, Sam }, memberApprover, delegations);

    private static ApprovalFacts Paid(decimal days, decimal? balanceAfter = 10) => new(LeaveType.PAID, days, balanceAfter);

    private static ChainStep Step(ApproverKind kind, ApprovalMode mode = ApprovalMode.ANY, ApprovalConditions? when = null, Guid? named = null) =>
        new(kind, named, mode, when ?? ApprovalConditions.Always);

    private static ApprovalDelegation Delegation(Guid from, Guid to, DateOnly start, DateOnly end) =>
        new() { FromMembershipId = from, ToMembershipId = to, StartDate = start, EndDate = end };

    private static List<List<Guid>> Approvers(IReadOnlyList<ResolvedStep> steps) =>
        steps.Select(s => s.Approvers.Select(a => a.MembershipId).ToList()).ToList();

    [Fact]
    public void Without_a_chain_the_one_step_is_todays_rule_the_team_managers_above_and_the_company_managers()
    {
        var steps = ApproverResolver.Resolve([], Paid(2), Org(Eve), Today);

        var step = Assert.Single(steps);
        Assert.Equal((ApproverKind.TEAM_OR_COMPANY_MANAGERS, ApprovalMode.ANY, false), (step.Kind, step.Mode, step.FellBack));
        Assert.Equal([Helene, Marc, Tom, Dana], step.Approvers.Select(a => a.MembershipId));
    }

    [Fact]
    public void A_three_step_chain_goes_team_manager_then_department_head_then_hr()
    {
        var chain = new[] { Step(ApproverKind.TEAM_MANAGERS), Step(ApproverKind.PARENT_TEAM_MANAGERS), Step(ApproverKind.COMPANY_ADMINS) };

        Assert.Equal([[Tom], [Dana], [Helene]], Approvers(ApproverResolver.Resolve(chain, Paid(2), Org(Eve), Today)));
    }

    [Fact]
    public void The_team_managers_are_those_of_the_primary_team_not_of_the_default_team_everyone_is_in()
    {
        var org = Org(Eve) with { PrimaryTeamId = null };

        // Without a primary team, every team of theirs starts a line: the default team's managers too.
        Assert.Equal([[Helene, Marc, Tom]], Approvers(ApproverResolver.Resolve([Step(ApproverKind.TEAM_MANAGERS)], Paid(2), org, Today)));
        Assert.Equal([[Tom]], Approvers(ApproverResolver.Resolve([Step(ApproverKind.TEAM_MANAGERS)], Paid(2), Org(Eve), Today)));
    }

    public static TheoryData<ApprovalConditions, ApprovalFacts, bool> Conditions => new()
    {
        { ApprovalConditions.Always, Paid(1), true },
        { new(new HashSet<LeaveType> { LeaveType.PAID }, null, false), Paid(1), true },
        { new(new HashSet<LeaveType> { LeaveType.RTT, LeaveType.UNPAID }, null, false), Paid(1), false },
        { new(new HashSet<LeaveType>(), 5, false), Paid(5), false }, // more than 5 days: 5 is not
        { new(new HashSet<LeaveType>(), 5, false), Paid(5.5m), true },
        { new(new HashSet<LeaveType>(), null, true), Paid(2, balanceAfter: 0), false },
        { new(new HashSet<LeaveType>(), null, true), Paid(2, balanceAfter: -0.5m), true },
        { new(new HashSet<LeaveType>(), null, true), new ApprovalFacts(LeaveType.SICK, 2, null), false }, // no balance counts
        { new(new HashSet<LeaveType> { LeaveType.PAID }, 3, false), Paid(4), true }, // every condition set holds
        { new(new HashSet<LeaveType> { LeaveType.RTT }, 3, false), Paid(4), false },
        { new(new HashSet<LeaveType>(), null, false, WhenInBlackout: true), Paid(2), false },
        { new(new HashSet<LeaveType>(), null, false, WhenInBlackout: true), Paid(2) with { InBlackout = true }, true },
        { new(new HashSet<LeaveType> { LeaveType.RTT }, null, false, WhenInBlackout: true), Paid(2) with { InBlackout = true }, false },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void A_conditional_step_applies_only_when_every_condition_it_sets_holds(ApprovalConditions when, ApprovalFacts facts, bool applies)
    {
        var chain = new[] { Step(ApproverKind.TEAM_MANAGERS), Step(ApproverKind.COMPANY_ADMINS, when: when) };

        var steps = ApproverResolver.Resolve(chain, facts, Org(Eve), Today);

        Assert.Equal(applies ? 2 : 1, steps.Count);
    }

    [Fact]
    public void When_no_step_applies_the_request_takes_the_default_step_rather_than_none()
    {
        var chain = new[] { Step(ApproverKind.COMPANY_ADMINS, when: new(new HashSet<LeaveType>(), 10, false)) };

        var step = Assert.Single(ApproverResolver.Resolve(chain, Paid(2), Org(Eve), Today));
        Assert.Equal(ApproverKind.TEAM_OR_COMPANY_MANAGERS, step.Kind);
    }

    [Fact]
    public void A_team_manager_requesting_goes_to_the_next_manager_up_never_to_themself()
    {
        var chain = new[] { Step(ApproverKind.TEAM_MANAGERS), Step(ApproverKind.PARENT_TEAM_MANAGERS) };

        // Tom manages Backend: his own team line skips him, so Dana is his team manager and the parent line is empty,
        // which falls back to the admins.
        var steps = ApproverResolver.Resolve(chain, Paid(2), Org(Tom), Today);

        Assert.Equal([[Dana], [Helene]], Approvers(steps));
        Assert.Equal([false, true], steps.Select(s => s.FellBack));
    }

    [Fact]
    public void An_admin_requesting_at_an_admins_step_falls_back_to_the_managers_as_no_admin_is_left()
    {
        var steps = ApproverResolver.Resolve([Step(ApproverKind.COMPANY_ADMINS)], Paid(2), Org(Helene), Today);

        var step = Assert.Single(steps);
        Assert.True(step.FellBack);
        Assert.Equal([Marc], step.Approvers.Select(a => a.MembershipId));
    }

    [Fact]
    public void The_approver_an_admin_set_for_a_member_takes_the_team_managers_place()
    {
        var steps = ApproverResolver.Resolve([Step(ApproverKind.TEAM_MANAGERS)], Paid(2), Org(Eve, memberApprover: Marc), Today);

        Assert.Equal([[Marc]], Approvers(steps));
    }

    [Fact]
    public void A_named_member_approves_their_step_unless_they_are_inactive_or_the_requester()
    {
        Assert.Equal([[Sam]], Approvers(ApproverResolver.Resolve([Step(ApproverKind.NAMED_MEMBER, named: Sam)], Paid(2), Org(Eve), Today)));
        var inactive = Assert.Single(ApproverResolver.Resolve([Step(ApproverKind.NAMED_MEMBER, named: Ivy)], Paid(2), Org(Eve), Today));
        Assert.Equal((true, Helene), (inactive.FellBack, inactive.Approvers.Single().MembershipId));
        var themself = Assert.Single(ApproverResolver.Resolve([Step(ApproverKind.NAMED_MEMBER, named: Sam)], Paid(2), Org(Sam), Today));
        Assert.Equal((true, Helene), (themself.FellBack, themself.Approvers.Single().MembershipId));
    }

    [Theory]
    [InlineData(-1, false)] // starts tomorrow
    [InlineData(0, true)] // starts today: bounds included
    [InlineData(3, true)]
    public void A_delegation_hands_the_step_to_the_delegate_on_behalf_of_the_delegator_within_its_window(int startedDaysAgo, bool delegated)
    {
        var start = Today.AddDays(-startedDaysAgo);
        var org = Org(Eve, null, Delegation(Tom, Sam, start, start.AddDays(Math.Max(startedDaysAgo, 0))));

        var approver = Assert.Single(Assert.Single(ApproverResolver.Resolve([Step(ApproverKind.TEAM_MANAGERS)], Paid(2), org, Today)).Approvers);

        Assert.Equal(delegated ? new ResolvedApprover(Sam, Tom) : new ResolvedApprover(Tom), approver);
    }

    [Fact]
    public void A_delegation_that_ended_yesterday_no_longer_applies()
    {
        var org = Org(Eve, null, Delegation(Tom, Sam, Today.AddDays(-5), Today.AddDays(-1)));

        Assert.Equal([[Tom]], Approvers(ApproverResolver.Resolve([Step(ApproverKind.TEAM_MANAGERS)], Paid(2), org, Today)));
    }

    [Fact]
    public void A_delegation_to_the_requester_leaves_their_request_with_the_delegator()
    {
        var org = Org(Eve, null, Delegation(Tom, Eve, Today, Today));

        Assert.Equal([[Tom]], Approvers(ApproverResolver.Resolve([Step(ApproverKind.TEAM_MANAGERS)], Paid(2), org, Today)));
    }

    [Fact]
    public void A_delegation_is_one_hop_and_a_delegate_already_approving_is_listed_once()
    {
        // Hélène delegates to Marc, who is an approver of the step already; Marc delegates to Dana: one hop each.
        var org = Org(Eve, null, Delegation(Helene, Marc, Today, Today), Delegation(Marc, Dana, Today, Today));

        var step = Assert.Single(ApproverResolver.Resolve([Step(ApproverKind.COMPANY_MANAGERS, ApprovalMode.ALL)], Paid(2), org, Today));

        Assert.Equal([new ResolvedApprover(Marc, Helene), new ResolvedApprover(Dana, Marc)], step.Approvers);
        Assert.Equal(ApprovalMode.ALL, step.Mode);
    }
}
