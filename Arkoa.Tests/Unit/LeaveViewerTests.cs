using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.LeaveTypes;

namespace Arkoa.Tests.Unit;

public sealed class LeaveViewerTests
{
    private static readonly Guid Person = Guid.CreateVersion7();
    private static readonly Guid Colleague = Guid.CreateVersion7();

    [Fact]
    public void A_new_company_keeps_health_and_family_leaves_private()
    {
        Assert.Equal(
            [LeaveType.SICK, LeaveType.MATERNITY, LeaveType.PATERNITY, LeaveType.PARENTAL, LeaveType.BEREAVEMENT, LeaveType.CHILD_SICK],
            BuiltInLeaveTypes.For(Guid.Empty).Where(t => t.Sensitive).Select(t => t.Code).Order());
    }

    [Theory]
    [InlineData("SICK", false)]
    [InlineData("CHILD_SICK", false)]
    [InlineData("MATERNITY", false)]
    [InlineData("BEREAVEMENT", false)]
    [InlineData("PAID", true)]
    [InlineData("TRAINING", true)]
    public void A_colleague_sees_the_type_of_a_leave_only_when_it_is_not_sensitive(string code, bool seen)
    {
        var type = new LeaveType(code);
        var sensitive = new CompanyLeaveTypes(Guid.Empty, []).Sensitive;

        Assert.Equal(seen, new LeaveViewer(Colleague, IsManager: false).SeesTypeOf(Person, type, sensitive));
        Assert.Equal(seen, LeaveViewer.Colleague.SeesTypeOf(Person, type, sensitive));
    }

    [Fact]
    public void The_person_and_every_manager_see_every_type()
    {
        var sensitive = new CompanyLeaveTypes(Guid.Empty, []).Sensitive;
        foreach (var type in LeaveType.BuiltIn)
        {
            Assert.True(new LeaveViewer(Person, IsManager: false).SeesTypeOf(Person, type, sensitive));
            Assert.True(LeaveViewer.Manager.SeesTypeOf(Person, type, sensitive));
            Assert.True(new LeaveViewer(Colleague, IsManager: true).SeesTypeOf(Person, type, sensitive));
        }
    }

    [Fact]
    public void The_company_setting_decides_which_types_are_private()
    {
        Assert.True(LeaveViewer.Colleague.SeesTypeOf(Person, LeaveType.SICK, []));
        Assert.False(LeaveViewer.Colleague.SeesTypeOf(Person, LeaveType.TRAINING, [LeaveType.TRAINING]));
    }

    [Theory]
    [InlineData(UserRole.EMPLOYEE, false)]
    [InlineData(UserRole.MANAGER, true)]
    [InlineData(UserRole.ADMIN, true)]
    public void A_membership_views_as_itself_and_as_a_manager_by_its_role(UserRole role, bool manager)
    {
        var viewer = LeaveViewer.Of(new Membership { Id = Colleague, Role = role });

        Assert.Equal(Colleague, viewer.MembershipId);
        Assert.Equal(manager, viewer.IsManager);
    }
}
