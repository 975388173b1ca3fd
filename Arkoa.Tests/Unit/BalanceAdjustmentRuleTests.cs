using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

public sealed class BalanceAdjustmentRuleTests
{
    private static Membership Member(UserRole role, bool active = true) => new() { Role = role, Active = active };

    [Theory]
    [InlineData(UserRole.EMPLOYEE, UserRole.EMPLOYEE, AdjustmentRefusal.NotAManager)]
    [InlineData(UserRole.EMPLOYEE, UserRole.MANAGER, AdjustmentRefusal.NotAManager)]
    [InlineData(UserRole.MANAGER, UserRole.EMPLOYEE, AdjustmentRefusal.None)]
    [InlineData(UserRole.MANAGER, UserRole.MANAGER, AdjustmentRefusal.NeedsAnAdmin)]
    [InlineData(UserRole.MANAGER, UserRole.ADMIN, AdjustmentRefusal.NeedsAnAdmin)]
    [InlineData(UserRole.ADMIN, UserRole.EMPLOYEE, AdjustmentRefusal.None)]
    [InlineData(UserRole.ADMIN, UserRole.MANAGER, AdjustmentRefusal.None)]
    [InlineData(UserRole.ADMIN, UserRole.ADMIN, AdjustmentRefusal.None)]
    public void Managers_adjust_employees_and_only_admins_adjust_managers_and_admins(UserRole caller, UserRole target, AdjustmentRefusal expected) =>
        Assert.Equal(expected, BalanceAdjustmentRule.Check(Member(caller), Member(target)));

    [Theory]
    [InlineData(UserRole.MANAGER)]
    [InlineData(UserRole.ADMIN)]
    public void Nobody_adjusts_their_own_balance(UserRole role)
    {
        var self = Member(role);

        Assert.Equal(AdjustmentRefusal.OwnBalance, BalanceAdjustmentRule.Check(self, self));
    }

    [Theory]
    [InlineData(UserRole.EMPLOYEE)]
    [InlineData(UserRole.MANAGER)]
    [InlineData(UserRole.ADMIN)]
    public void A_deactivated_member_s_balance_is_frozen(UserRole role) =>
        Assert.Equal(AdjustmentRefusal.Deactivated, BalanceAdjustmentRule.Check(Member(UserRole.ADMIN), Member(role, active: false)));

    [Fact]
    public void A_manager_is_told_the_role_rule_before_the_deactivation() =>
        Assert.Equal(AdjustmentRefusal.NeedsAnAdmin, BalanceAdjustmentRule.Check(Member(UserRole.MANAGER), Member(UserRole.MANAGER, active: false)));
}
