using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// Who acts on a leave: their user, their active membership of the leave's company and whether it is a manager's
/// (<see cref="Membership.IsManager"/>, the one manager check).
/// </summary>
public sealed record LeaveActor(Guid UserId, Guid MembershipId, bool IsManager)
{
    public static LeaveActor Of(Membership membership) => new(membership.UserId, membership.Id, membership.IsManager);

    public bool Owns(Leave leave) => MembershipId == leave.MembershipId;

    /// <summary>Their own leave, or any leave of the company when they manage it.</summary>
    public bool MayActOn(Guid membershipId) => MembershipId == membershipId || IsManager;
}
