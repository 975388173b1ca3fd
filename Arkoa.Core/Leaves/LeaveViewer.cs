using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// Who looks at a company's leaves. The type of a leave of a sensitive type (<see cref="LeaveTypeDefinition.Sensitive"/>:
/// health, family by default) is for the person and the company's managers only; anyone else sees that the person is absent.
/// </summary>
/// <param name="MembershipId">The viewer's own membership, whose leaves they always see in full; null for none.</param>
/// <param name="IsManager">A MANAGER or ADMIN of the company, who sees every leave in full.</param>
public readonly record struct LeaveViewer(Guid? MembershipId, bool IsManager)
{
    /// <summary>A manager of the company.</summary>
    public static LeaveViewer Manager => new(null, true);

    /// <summary>A member who is not a manager, looking at colleagues' leaves only.</summary>
    public static LeaveViewer Colleague => new(null, false);

    public static LeaveViewer Of(Membership membership) => new(membership.Id, membership.IsManager);

    /// <summary>Whether this viewer may see the type (and so reason and note) of a leave of <paramref name="ownerMembershipId"/>.</summary>
    public bool SeesTypeOf(Guid ownerMembershipId, LeaveType type, IReadOnlyCollection<LeaveType> sensitiveTypes) =>
        IsManager || ownerMembershipId == MembershipId || !sensitiveTypes.Contains(type);
}
