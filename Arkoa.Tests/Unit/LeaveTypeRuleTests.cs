using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.LeaveTypes;
using static Arkoa.Tests.Unit.LeaveTransitionTableTests;

namespace Arkoa.Tests.Unit;

/// <summary>Issue 17: each flag of a company's leave type and the rule that reads it.</summary>
public sealed class LeaveTypeRuleTests
{
    private static readonly Guid Company = Guid.NewGuid();
    private static readonly DateOnly Today = new(2027, 3, 10); // a Wednesday
    private static readonly DateOnly Monday = new(2027, 3, 15);
    private static readonly DateTime Now = new(2027, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly LeaveActor Owner = new(Guid.NewGuid(), Member, IsManager: false);
    private static readonly LeaveDayCounter Calendar = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, "FR", []);

    private static LeaveTypeDefinition Own(string code = "REMOTE", Action<LeaveTypeDefinition>? set = null)
    {
        var row = new LeaveTypeDefinition { CompanyId = Company, Code = new LeaveType(code), NameFr = "Télétravail", NameEn = "Remote", Colour = "#0a7e8c" };
        set?.Invoke(row);
        return row;
    }

    private static LeavePlan PlanOf(LeaveTypeDefinition type, DateOnly start, DateOnly end) =>
        LeavePlanner.Count(Calendar, type, start, end, null, null).Plan!;

    [Fact]
    public void The_built_ins_keep_the_facts_the_code_had()
    {
        var types = new CompanyLeaveTypes(Company, BuiltInLeaveTypes.For(Company));

        Assert.Equal([LeaveType.PAID, LeaveType.RTT], LeaveType.BuiltIn.Where(types.UsesBalance));
        Assert.Equal(BuiltInLeaveTypes.SensitiveByDefault, types.Sensitive);
        Assert.All(types.All, t => Assert.True(t.RequiresApproval && t.CountsAsAbsence && !t.AllowedInPast && t.Unit == LeaveTypeUnit.HALF_DAY));
        Assert.Equal(14, types.All.Select(t => t.Colour).Distinct().Count());
    }

    [Fact]
    public void A_company_missing_a_built_in_row_gets_its_defaults_and_its_own_rows_win()
    {
        var types = new CompanyLeaveTypes(Company, [Own("REMOTE"), Own("SICK", t => t.Sensitive = false)]);

        Assert.Equal(15, types.All.Count);
        Assert.True(types.UsesBalance(LeaveType.PAID));
        Assert.DoesNotContain(LeaveType.SICK, types.Sensitive);
        Assert.Contains(LeaveType.MATERNITY, types.Sensitive);
        Assert.Null(types.Find(new LeaveType("NOPE")));
    }

    [Fact]
    public void A_request_names_what_the_type_refuses()
    {
        var code = new LeaveType("REMOTE");

        Assert.Equal(ProblemCodes.UnknownLeaveType, LeaveTypeRules.RequestError(code, null, null, null)?.Code);
        Assert.Equal(ProblemCodes.LeaveTypeArchived, LeaveTypeRules.RequestError(code, Own(set: t => t.ArchivedAt = Now), null, null)?.Code);
        Assert.Equal(ProblemCodes.LeaveTypeInHours, LeaveTypeRules.RequestError(code, Own(set: t => t.Unit = LeaveTypeUnit.HOUR), null, null)?.Code);
        var wholeDays = Own(set: t => t.Unit = LeaveTypeUnit.DAY);
        Assert.Equal("startHalf", LeaveTypeRules.RequestError(code, wholeDays, HalfDayPeriod.AFTERNOON, null)?.Field);
        Assert.Equal("endHalf", LeaveTypeRules.RequestError(code, wholeDays, null, HalfDayPeriod.MORNING)?.Field);
        // A morning start or an afternoon end takes nothing off a day.
        Assert.Null(LeaveTypeRules.RequestError(code, wholeDays, HalfDayPeriod.MORNING, HalfDayPeriod.AFTERNOON));
        Assert.Null(LeaveTypeRules.RequestError(code, Own(), HalfDayPeriod.AFTERNOON, null));
    }

    [Theory]
    [InlineData(null, 10, false)]
    [InlineData(3, 3, false)]
    [InlineData(3, 3.5, true)]
    public void The_longest_leave_is_counted_in_working_days(int? max, double days, bool refused)
    {
        var error = LeaveTypeRules.LengthError(Own(set: t => t.MaxConsecutiveDays = max), (decimal)days);

        Assert.Equal(refused, error is { Code: ProblemCodes.LeaveTypeTooLong, Field: "endDate" });
    }

    [Theory]
    [InlineData(false, ProblemCodes.BackfillNeedsManager)]
    [InlineData(true, null)]
    public void A_member_asks_for_past_dates_only_of_a_type_allowed_in_the_past(bool allowedInPast, string? code) =>
        Assert.Equal(code, LeavePlanner.Check(Owner, Today, Today.AddDays(-2), Today.AddDays(-2), null, null, null, allowedInPast).Error?.Code);

    [Fact]
    public void A_type_that_needs_no_approval_is_approved_on_submission_by_its_submitter()
    {
        var (leave, error) = Leave.Submit(Owner, Member, true, PlanOf(Own(set: t => t.RequiresApproval = false), Monday, Monday), null, [], Plenty, Now);

        Assert.Null(error);
        Assert.Equal(LeaveStatus.APPROVED, leave!.Status);
        Assert.Equal(Owner.UserId, leave.ReviewedById);
        Assert.Equal([LeaveTransition.SUBMITTED, LeaveTransition.APPROVED], leave.StatusHistory.Select(s => s.Transition));
        Assert.Empty(leave.BalanceMovements);
    }

    [Fact]
    public void A_leave_of_a_type_that_uses_a_balance_takes_it_and_gives_back_what_it_took_even_after_the_type_changed()
    {
        var own = Own(set: t => t.UsesBalance = true);
        var balances = new Dictionary<LeaveType, decimal> { [own.Code] = 2 };

        var (tooMuch, refused) = Leave.Submit(Owner, Member, true, PlanOf(own, Monday, Monday.AddDays(2)), null, [], balances, Now);
        Assert.Null(tooMuch);
        Assert.Equal(ProblemCodes.InsufficientBalance, refused!.Code);

        var (leave, _) = Leave.Submit(Owner, Member, true, PlanOf(own, Monday, Monday.AddDays(1)), null, [], balances, Now);
        Assert.True(leave!.UsesBalance);
        Assert.Equal(-2m, Assert.Single(leave.BalanceMovements).Change);
        leave.ClearBalanceMovements();
        own.UsesBalance = false; // the admin changes the type later: the leave still gives back its days
        Assert.Null(leave.Cancel(Owner, null, Today, Now));
        Assert.Equal((own.Code, 2m), Assert.Single(leave.BalanceMovements, m => m.Change > 0) is var refund ? (refund.Type, refund.Change) : default);
    }

    [Fact]
    public void An_admin_adds_a_type_under_a_new_code_only_and_deletes_only_an_unused_type_of_the_company_s_own()
    {
        var existing = new CompanyLeaveTypes(Company, [Own("REMOTE")]);
        var fields = new LeaveTypeFields(" Télétravail ", "Remote", "#0A7E8C", LeaveTypeUnit.DAY, false, true, false, 5, false, true, false, 10);

        Assert.Equal(ProblemCodes.LeaveTypeCodeTaken, LeaveTypeChanges.Create(Company, new LeaveType("REMOTE"), fields, existing).Error?.Code);
        Assert.Equal(ProblemCodes.LeaveTypeCodeTaken, LeaveTypeChanges.Create(Company, LeaveType.SICK, fields, existing).Error?.Code);
        var (row, error) = LeaveTypeChanges.Create(Company, new LeaveType("ONSITE"), fields, existing);
        Assert.Null(error);
        Assert.Equal(("Télétravail", "#0a7e8c", true, 5), (row!.NameFr, row.Colour, row.Sensitive, row.MaxConsecutiveDays));

        Assert.Equal(ProblemCodes.LeaveTypeBuiltIn, LeaveTypeChanges.DeleteRefusal(BuiltInLeaveTypes.Default(Company, LeaveType.MOVING)!, inUse: false)?.Code);
        Assert.Equal(ProblemCodes.LeaveTypeInUse, LeaveTypeChanges.DeleteRefusal(row, inUse: true)?.Code);
        Assert.Null(LeaveTypeChanges.DeleteRefusal(row, inUse: false));
        Assert.Equal("usesBalance", LeaveTypeChanges.Edit(row, fields with { UsesBalance = true }, inUse: true)?.Field);
        Assert.Null(LeaveTypeChanges.Edit(row, fields with { UsesBalance = true }, inUse: false));
        Assert.True(row.UsesBalance);

        LeaveTypeChanges.SetArchived(row, true, Now);
        LeaveTypeChanges.SetArchived(row, true, Now.AddDays(1));
        Assert.Equal(Now, row.ArchivedAt);
        LeaveTypeChanges.SetArchived(row, false, Now);
        Assert.False(row.IsArchived);
    }
}
