using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// Who acts on a leave: their user, their active membership of the leave's company, whether it is a company manager's
/// (<see cref="Membership.IsManager"/>, the one manager check), and the members whose requests they decide as a team
/// manager (SPEC §10: the members of the teams they manage and of those teams' sub-teams).
/// </summary>
public sealed record LeaveActor(Guid UserId, Guid MembershipId, bool IsManager)
{
    private static readonly IReadOnlySet<Guid> Nobody = new HashSet<Guid>();

    /// <summary>The members this actor manages through teams (not needed for a company manager, who manages everyone).</summary>
    public IReadOnlySet<Guid> TeamMemberIds { get; init; } = Nobody;

    /// <summary>
    /// The requests following an approval chain whose current step waits for this actor's decision (SPEC §11): on
    /// those, being at the step is what lets them decide, and being a manager is not enough.
    /// </summary>
    public IReadOnlySet<Guid> AwaitedLeaveIds { get; init; } = Nobody;

    public static LeaveActor Of(Membership membership) => new(membership.UserId, membership.Id, membership.IsManager);

    /// <summary>The same, also the team manager of <paramref name="teamMemberIds"/>.</summary>
    public static LeaveActor Of(Membership membership, IReadOnlySet<Guid> teamMemberIds) => Of(membership) with { TeamMemberIds = teamMemberIds };

    public bool Owns(Leave leave) => MembershipId == leave.MembershipId;

    /// <summary>A company manager, a team manager with at least one member to decide for, or an approver awaited at a chain's step.</summary>
    public bool DecidesForSomeone => IsManager || TeamMemberIds.Any(id => id != MembershipId) || AwaitedLeaveIds.Count > 0;

    /// <summary>Whether the chained request <paramref name="leaveId"/> waits for this actor's decision at its current step.</summary>
    public bool AwaitsDecisionOn(Guid leaveId) => AwaitedLeaveIds.Contains(leaveId);

    /// <summary>The same actor, whose awaited requests are read again from <paramref name="leave"/> as loaded (under its lock).</summary>
    public LeaveActor Refreshed(Leave leave)
    {
        var awaited = AwaitedLeaveIds.Where(id => id != leave.Id).ToHashSet();
        if (leave.AwaitsDecisionFrom(MembershipId)) awaited.Add(leave.Id);
        return this with { AwaitedLeaveIds = awaited };
    }

    /// <summary>
    /// Whether this actor manages <paramref name="membershipId"/>'s leaves: a company manager anyone's (their own
    /// included, as before teams), a team manager those of their teams' members other than themself.
    /// </summary>
    public bool Manages(Guid membershipId) => IsManager || (membershipId != MembershipId && TeamMemberIds.Contains(membershipId));

    /// <summary>Their own leave, or a leave they manage.</summary>
    public bool MayActOn(Guid membershipId) => MembershipId == membershipId || Manages(membershipId);
}
