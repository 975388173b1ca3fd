using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;

namespace Arkoa.Tests.Unit;

public sealed class RoleGrantTests
{
    [Theory]
    [InlineData(UserRole.ADMIN, UserRole.ADMIN, true)]
    [InlineData(UserRole.ADMIN, UserRole.MANAGER, true)]
    [InlineData(UserRole.ADMIN, UserRole.EMPLOYEE, true)]
    [InlineData(UserRole.MANAGER, UserRole.EMPLOYEE, true)]
    [InlineData(UserRole.MANAGER, UserRole.MANAGER, false)]
    [InlineData(UserRole.MANAGER, UserRole.ADMIN, false)]
    [InlineData(UserRole.EMPLOYEE, UserRole.EMPLOYEE, false)]
    [InlineData(UserRole.EMPLOYEE, UserRole.MANAGER, false)]
    public void Only_admins_give_manager_or_admin_roles_and_employees_give_none(UserRole caller, UserRole role, bool allowed) =>
        Assert.Equal(allowed, RoleGrant.MayGrant(caller, role));
}
