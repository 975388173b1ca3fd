using Arkoa.Core.Domain;

namespace Arkoa.Core.Memberships;

/// <summary>
/// Who may change a membership's role or active state (SPEC §1), and from the same checks what a caller may do with a
/// membership (<c>allowedActions</c>), so the buttons the Web shows and the answers the Api gives never disagree.
/// Managers manage employees; only an admin changes roles or touches a manager's or an admin's membership; nobody
/// changes their own; a company keeps one active admin. <c>targetIsLastActiveAdmin</c> is true when the target is the
/// company's only active admin, read under the company lock when a change follows.
/// </summary>
public static class MembershipRules
{
    private static readonly UserRole[] Roles = Enum.GetValues<UserRole>();

    /// <summary>A change to <paramref name="newRole"/> and <paramref name="newActive"/> (PATCH); asking for what already is changes nothing and passes.</summary>
    public static DomainError? CheckUpdate(
        MembershipState caller, MembershipState target, UserRole newRole, bool newActive, bool targetIsLastActiveAdmin)
    {
        if (!caller.IsManager) return MembershipErrors.ManagerOnlyChange;
        var changesRole = newRole != target.Role;
        var changesActive = newActive != target.Active;
        if (!changesRole && !changesActive) return null;
        var leavesNoAdmin = targetIsLastActiveAdmin && (newRole != UserRole.ADMIN || !newActive);
        if (caller.Id == target.Id) return leavesNoAdmin ? MembershipErrors.LastActiveAdmin : MembershipErrors.OwnMembership;
        if (changesRole && !caller.IsAdmin) return MembershipErrors.AdminOnlyRoles;
        if (changesActive && target.IsManager && !caller.IsAdmin) return MembershipErrors.AdminOnlyDeactivatePrivileged;
        return leavesNoAdmin ? MembershipErrors.LastActiveAdmin : null;
    }

    /// <summary>Removing (DELETE) deactivates, with its own codes; removing a deactivated member again changes nothing but is checked the same.</summary>
    public static DomainError? CheckRemove(MembershipState caller, MembershipState target, bool targetIsLastActiveAdmin)
    {
        if (!caller.IsManager) return MembershipErrors.ManagerOnlyRemove;
        if (caller.Id == target.Id) return targetIsLastActiveAdmin ? MembershipErrors.LastActiveAdmin : MembershipErrors.OwnMembership;
        if (target.IsManager && !caller.IsAdmin) return MembershipErrors.AdminOnlyRemovePrivileged;
        return targetIsLastActiveAdmin ? MembershipErrors.LastActiveAdmin : null;
    }

    /// <summary>What <paramref name="caller"/> may do with <paramref name="target"/>: every action whose check passes.</summary>
    public static IReadOnlyList<MembershipAction> AllowedActions(MembershipState caller, MembershipState target, bool targetIsLastActiveAdmin)
    {
        var allowed = new List<MembershipAction>(2);
        if (Roles.Any(role => role != target.Role && CheckUpdate(caller, target, role, target.Active, targetIsLastActiveAdmin) is null))
        {
            allowed.Add(MembershipAction.ChangeRole);
        }
        if (target.Active && CheckUpdate(caller, target, target.Role, newActive: false, targetIsLastActiveAdmin) is null
            && CheckRemove(caller, target, targetIsLastActiveAdmin) is null)
        {
            allowed.Add(MembershipAction.Deactivate);
        }
        if (!target.Active && CheckUpdate(caller, target, target.Role, newActive: true, targetIsLastActiveAdmin) is null)
        {
            allowed.Add(MembershipAction.Reactivate);
        }
        return allowed;
    }
}
