using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;

namespace Arkoa.Tests.Unit;

/// <summary>SPEC §3–4: the rules of a requested extent, before and with the company's calendar.</summary>
public sealed class LeavePlannerTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly LeaveActor Employee = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: false);
    private static readonly LeaveActor Manager = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: true);

    private static string? Refusal(LeaveActor actor, DateOnly start, DateOnly end, HalfDayPeriod? startHalf = null, HalfDayPeriod? endHalf = null, HalfDayPeriod? single = null) =>
        LeavePlanner.Check(actor, Today, start, end, startHalf, endHalf, single).Error?.Code;

    [Fact]
    public void Only_a_manager_records_a_leave_starting_before_the_company_s_today()
    {
        Assert.Equal("backfill-needs-manager", Refusal(Employee, Today.AddDays(-1), Today));
        Assert.Null(Refusal(Employee, Today, Today));
        Assert.Null(Refusal(Manager, Today.AddDays(-30), Today));
    }

    [Fact]
    public void The_range_is_checked_before_the_backfill_rule()
    {
        Assert.Equal("end-before-start", Refusal(Employee, Today.AddDays(-1), Today.AddDays(-2)));
        Assert.Equal("leave-too-long", Refusal(Manager, Today, Today.AddDays(366)));
        Assert.Null(Refusal(Manager, Today, Today.AddDays(365)));
        Assert.Equal("inverted-half-days", Refusal(Manager, Today, Today, HalfDayPeriod.AFTERNOON, HalfDayPeriod.MORNING));
    }

    [Fact]
    public void The_single_half_day_field_is_for_one_day_and_alone()
    {
        Assert.Equal("half-day-period-one-day-only", Refusal(Employee, Today, Today.AddDays(1), single: HalfDayPeriod.MORNING));
        Assert.Equal("half-day-period-with-halves", Refusal(Employee, Today, Today, endHalf: HalfDayPeriod.MORNING, single: HalfDayPeriod.MORNING));
        Assert.Equal((null, HalfDayPeriod.MORNING), LeavePlanner.Check(Employee, Today, Today, Today, null, null, HalfDayPeriod.MORNING).Halves);
        Assert.Equal((HalfDayPeriod.AFTERNOON, null), LeavePlanner.Check(Employee, Today, Today, Today, null, null, HalfDayPeriod.AFTERNOON).Halves);
    }

    [Fact]
    public void A_range_without_a_working_day_is_refused_on_the_end_date()
    {
        var calendar = new LeaveDayCounter(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, "FR", []);
        var saturday = new DateOnly(2027, 3, 13);

        var (plan, error) = LeavePlanner.Count(calendar, LeaveType.PAID, saturday, saturday.AddDays(1), null, null);

        Assert.Null(plan);
        Assert.Equal(("no-working-day", "endDate"), (error!.Code, error.Field));
        Assert.Equal(0.5m, LeavePlanner.Count(calendar, LeaveType.PAID, saturday, saturday.AddDays(2), null, HalfDayPeriod.MORNING).Plan!.Days);
    }
}
