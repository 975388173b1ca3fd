using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;

namespace Arkoa.Tests.Unit;

/// <summary>
/// SPEC §1's membership rules without a database: every caller role × target role × oneself or another × active or
/// deactivated × last active admin, the refusal's code of each change, and allowedActions agreeing with it row by row.
/// </summary>
public sealed class MembershipRulesTests
{
    private const UserRole E = UserRole.EMPLOYEE, M = UserRole.MANAGER, A = UserRole.ADMIN;
    private const string Ok = "ok", OnlyManagers = "manager-only-change-members", OnlyManagersRemove = "manager-only-remove-members";
    private const string AdminRoles = "admin-only-roles", AdminActive = "admin-only-deactivate-privileged", AdminRemove = "admin-only-remove-privileged";
    private const string Own = "cannot-change-own-membership", LastAdmin = "last-active-admin";

    /// <summary>
    /// Caller role, oneself, target role, target active, target is the last active admin; then the answer to a role change
    /// (to each other role), to switching active (deactivating an active target, reactivating a deactivated one), to a
    /// removal (DELETE), and the allowedActions.
    /// </summary>
    public static TheoryData<UserRole, bool, UserRole, bool, bool, string, string, string, string> Table => new()
    {
        // An employee changes nothing, not even their own membership.
        { E, true, E, true, false, OnlyManagers, OnlyManagers, OnlyManagersRemove, "" },
        { E, false, E, true, false, OnlyManagers, OnlyManagers, OnlyManagersRemove, "" },
        { E, false, E, false, false, OnlyManagers, OnlyManagers, OnlyManagersRemove, "" },
        { E, false, M, true, false, OnlyManagers, OnlyManagers, OnlyManagersRemove, "" },
        { E, false, A, true, true, OnlyManagers, OnlyManagers, OnlyManagersRemove, "" },

        // A manager (de)activates employees, changes no role, never their own membership.
        { M, true, M, true, false, Own, Own, Own, "" },
        { M, false, E, true, false, AdminRoles, Ok, Ok, "deactivate" },
        { M, false, E, false, false, AdminRoles, Ok, Ok, "reactivate" },
        { M, false, M, true, false, AdminRoles, AdminActive, AdminRemove, "" },
        { M, false, M, false, false, AdminRoles, AdminActive, AdminRemove, "" },
        { M, false, A, true, false, AdminRoles, AdminActive, AdminRemove, "" },
        { M, false, A, true, true, AdminRoles, AdminActive, AdminRemove, "" },
        { M, false, A, false, false, AdminRoles, AdminActive, AdminRemove, "" },

        // An admin changes anyone else's, and keeps the company's last active admin.
        { A, true, A, true, false, Own, Own, Own, "" },
        { A, true, A, true, true, LastAdmin, LastAdmin, LastAdmin, "" },
        { A, false, E, true, false, Ok, Ok, Ok, "change-role deactivate" },
        { A, false, E, false, false, Ok, Ok, Ok, "change-role reactivate" },
        { A, false, M, true, false, Ok, Ok, Ok, "change-role deactivate" },
        { A, false, M, false, false, Ok, Ok, Ok, "change-role reactivate" },
        { A, false, A, true, false, Ok, Ok, Ok, "change-role deactivate" },
        { A, false, A, true, true, LastAdmin, LastAdmin, LastAdmin, "" },
        { A, false, A, false, false, Ok, Ok, Ok, "change-role reactivate" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_change_is_allowed_or_refused_with_its_code_and_allowed_actions_agree(
        UserRole callerRole, bool self, UserRole targetRole, bool targetActive, bool lastAdmin,
        string roleChange, string activation, string remove, string allowedActions)
    {
        var caller = new MembershipState(Guid.NewGuid(), callerRole, Active: true);
        var target = self ? caller : new MembershipState(Guid.NewGuid(), targetRole, targetActive);

        foreach (var newRole in Enum.GetValues<UserRole>().Where(r => r != target.Role))
        {
            Assert.Equal(roleChange, Code(MembershipRules.CheckUpdate(caller, target, newRole, target.Active, lastAdmin)));
        }
        Assert.Equal(activation, Code(MembershipRules.CheckUpdate(caller, target, target.Role, !target.Active, lastAdmin)));
        Assert.Equal(remove, Code(MembershipRules.CheckRemove(caller, target, lastAdmin)));
        Assert.Equal(allowedActions, string.Join(' ', MembershipRules.AllowedActions(caller, target, lastAdmin).Select(a => a.WireName())));
    }

    [Fact]
    public void Asking_for_what_already_is_changes_nothing_and_passes_for_a_manager_even_on_their_own_membership()
    {
        var admin = new MembershipState(Guid.NewGuid(), A, Active: true);
        var manager = new MembershipState(Guid.NewGuid(), M, Active: true);
        var employee = new MembershipState(Guid.NewGuid(), E, Active: true);

        Assert.Null(MembershipRules.CheckUpdate(admin, admin, A, newActive: true, targetIsLastActiveAdmin: true));
        Assert.Null(MembershipRules.CheckUpdate(manager, admin, A, newActive: true, targetIsLastActiveAdmin: true));
        Assert.Equal(OnlyManagers, Code(MembershipRules.CheckUpdate(employee, employee, E, newActive: true, targetIsLastActiveAdmin: false)));
    }

    [Fact]
    public void A_change_that_loses_the_last_active_admin_is_refused_however_it_is_asked()
    {
        var admin = new MembershipState(Guid.NewGuid(), A, Active: true);
        var last = new MembershipState(Guid.NewGuid(), A, Active: true);

        Assert.Equal(LastAdmin, Code(MembershipRules.CheckUpdate(admin, last, M, newActive: false, targetIsLastActiveAdmin: true)));
        Assert.Equal(LastAdmin, Code(MembershipRules.CheckUpdate(admin, last, A, newActive: false, targetIsLastActiveAdmin: true)));
        Assert.Equal(Own, Code(MembershipRules.CheckUpdate(admin, admin, E, newActive: false, targetIsLastActiveAdmin: false)));
    }

    private static string Code(DomainError? error) => error?.Code ?? Ok;
}
