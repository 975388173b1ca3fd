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

    public static LeaveActor Of(Membership membership) => new(membership.UserId, membership.Id, membership.IsManager);

    /// <summary>The same, also the team manager of <paramref name="teamMemberIds"/>.</summary>
    public static LeaveActor Of(Membership membership, IReadOnlySet<Guid> teamMemberIds) => Of(membership) with { TeamMemberIds = teamMemberIds };

    public bool Owns(Leave leave) => MembershipId == leave.MembershipId;

    /// <summary>A company manager, or a team manager with at least one member to decide for.</summary>
    public bool DecidesForSomeone => IsManager || TeamMemberIds.Any(id => id != MembershipId);

    /// <summary>
    /// Whether this actor manages <paramref name="membershipId"/>'s leaves: a company manager anyone's (their own
    /// included, as before teams), a team manager those of their teams' members other than themself.
    /// </summary>
    public bool Manages(Guid membershipId) => IsManager || (membershipId != MembershipId && TeamMemberIds.Contains(membershipId));

    /// <summary>Their own leave, or a leave they manage.</summary>
    public bool MayActOn(Guid membershipId) => MembershipId == membershipId || Manages(membershipId);
}
