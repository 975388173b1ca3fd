using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;

namespace Arkoa.Tests.Unit;

/// <summary>The managers' chart of absences per month (issue 14 §16) counts each leave's working days in its months.</summary>
public sealed class MonthlyAbsencesTests
{
    private static readonly LeaveDayCounter France = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, "FR", []);

    private static AbsenceSpan Leave(LeaveType type, string start, string end, HalfDayPeriod? startHalf = null, HalfDayPeriod? endHalf = null) =>
        new(type, DateOnly.Parse(start), DateOnly.Parse(end), startHalf, endHalf);

    [Fact]
    public void A_leave_across_two_months_counts_its_working_days_in_each()
    {
        // Friday 29 January to Tuesday 2 February 2027: Friday in January, Monday and Tuesday in February.
        var months = MonthlyAbsences.Count(France, new DateOnly(2027, 1, 1), 2, [Leave(LeaveType.PAID, "2027-01-29", "2027-02-02")]);

        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1)], months.Select(m => m.Month));
        Assert.Equal(1m, months[0].DaysByType[LeaveType.PAID]);
        Assert.Equal(2m, months[1].DaysByType[LeaveType.PAID]);
    }

    [Fact]
    public void Half_days_count_only_at_the_leaves_own_ends_and_types_add_up_apart()
    {
        var months = MonthlyAbsences.Count(France, new DateOnly(2027, 1, 15), 2,
        [
            Leave(LeaveType.PAID, "2027-01-29", "2027-02-01", HalfDayPeriod.AFTERNOON, HalfDayPeriod.MORNING),
            Leave(LeaveType.SICK, "2027-02-03", "2027-02-04"),
            Leave(LeaveType.SICK, "2027-02-08", "2027-02-08", endHalf: HalfDayPeriod.MORNING),
        ]);

        Assert.Equal(0.5m, months[0].DaysByType[LeaveType.PAID]);
        Assert.Equal(0.5m, months[1].DaysByType[LeaveType.PAID]);
        Assert.Equal(2.5m, months[1].DaysByType[LeaveType.SICK]);
        Assert.False(months[0].DaysByType.ContainsKey(LeaveType.SICK));
    }

    [Fact]
    public void Leaves_outside_the_months_holidays_and_weekends_count_nothing()
    {
        var months = MonthlyAbsences.Count(France, new DateOnly(2027, 5, 1), 1,
        [
            Leave(LeaveType.PAID, "2027-04-01", "2027-04-30"),
            Leave(LeaveType.RTT, "2027-05-01", "2027-05-02"), // Saturday 1 May (a holiday too) and Sunday
            Leave(LeaveType.UNPAID, "2027-06-01", "2027-06-30"),
        ]);

        Assert.Empty(Assert.Single(months).DaysByType);
    }

    [Fact]
    public void Twelve_months_run_across_the_new_year()
    {
        var months = MonthlyAbsences.Count(France, new DateOnly(2026, 12, 2), 12, []);

        Assert.Equal(12, months.Count);
        Assert.Equal(new DateOnly(2026, 12, 1), months[0].Month);
        Assert.Equal(new DateOnly(2027, 11, 1), months[^1].Month);
    }
}
