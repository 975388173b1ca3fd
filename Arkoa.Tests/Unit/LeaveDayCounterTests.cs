using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

public sealed class LeaveDayCounterTests
{
    private static readonly HashSet<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static LeaveDayCounter France(params string[] companyHolidays) =>
        new(MondayToFriday, "FR", companyHolidays.Select(DateOnly.Parse));

    private static decimal Count(LeaveDayCounter counter, string start, string end, HalfDayPeriod? startHalf = null, HalfDayPeriod? endHalf = null) =>
        counter.Count(DateOnly.Parse(start), DateOnly.Parse(end), startHalf, endHalf);

    [Fact]
    public void A_plain_week_counts_five_days() => Assert.Equal(5m, Count(France(), "2026-02-02", "2026-02-06"));

    [Fact]
    public void Weekends_do_not_count() => Assert.Equal(5m, Count(France(), "2026-02-05", "2026-02-11"));

    [Fact]
    public void A_weekend_alone_counts_zero() => Assert.Equal(0m, Count(France(), "2026-02-07", "2026-02-08"));

    [Fact]
    public void Easter_monday_2026_does_not_count() => Assert.Equal(4m, Count(France(), "2026-04-06", "2026-04-10"));

    [Fact]
    public void Ascension_bridge_week_2026_counts_four() => Assert.Equal(4m, Count(France(), "2026-05-11", "2026-05-15"));

    [Fact]
    public void Fourteenth_of_july_does_not_count() => Assert.Equal(4m, Count(France(), "2026-07-13", "2026-07-17"));

    [Fact]
    public void A_holiday_on_a_weekend_changes_nothing() => Assert.Equal(5m, Count(France(), "2026-08-10", "2026-08-14")); // 15 Aug 2026 is a Saturday

    [Fact]
    public void A_range_of_only_holidays_counts_zero() => Assert.Equal(0m, Count(France(), "2026-05-01", "2026-05-01"));

    [Fact]
    public void Company_holidays_do_not_count() => Assert.Equal(4m, Count(France("2026-02-04"), "2026-02-02", "2026-02-06"));

    [Fact]
    public void Starting_in_the_afternoon_counts_half_the_first_day() =>
        Assert.Equal(4.5m, Count(France(), "2026-02-02", "2026-02-06", startHalf: HalfDayPeriod.AFTERNOON));

    [Fact]
    public void Ending_in_the_morning_counts_half_the_last_day() =>
        Assert.Equal(4.5m, Count(France(), "2026-02-02", "2026-02-06", endHalf: HalfDayPeriod.MORNING));

    [Fact]
    public void Half_days_at_both_ends() =>
        Assert.Equal(4m, Count(France(), "2026-02-02", "2026-02-06", HalfDayPeriod.AFTERNOON, HalfDayPeriod.MORNING));

    [Theory]
    [InlineData(HalfDayPeriod.AFTERNOON, null)]
    [InlineData(null, HalfDayPeriod.MORNING)]
    public void A_one_day_half_day_leave_counts_half(HalfDayPeriod? startHalf, HalfDayPeriod? endHalf) =>
        Assert.Equal(0.5m, Count(France(), "2026-02-03", "2026-02-03", startHalf, endHalf));

    [Fact]
    public void Half_a_holiday_still_counts_zero() =>
        Assert.Equal(0m, Count(France(), "2026-07-14", "2026-07-14", startHalf: HalfDayPeriod.AFTERNOON));

    [Fact]
    public void A_half_day_at_an_end_that_is_a_weekend_changes_nothing() =>
        Assert.Equal(5m, Count(France(), "2026-02-02", "2026-02-07", endHalf: HalfDayPeriod.MORNING));

    [Fact]
    public void Other_working_days_are_honoured()
    {
        var sundayToThursday = new LeaveDayCounter(
            new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }, "FR", []);
        Assert.Equal(5m, sundayToThursday.Count(DateOnly.Parse("2026-02-01"), DateOnly.Parse("2026-02-07"), null, null));
    }

    [Fact]
    public void A_range_across_new_year_uses_both_years_holidays() =>
        Assert.Equal(6m, Count(France(), "2026-12-24", "2027-01-04")); // 24, 28, 29, 30, 31 Dec and 4 Jan

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Assert.Throws<ArgumentException>(() => Count(France(), "2026-02-06", "2026-02-02"));

    [Fact]
    public void The_last_days_of_the_calendar_count_without_stepping_past_them() =>
        Assert.Equal(5m, Count(France(), "9999-12-27", "9999-12-31")); // Monday to Friday, the last day .NET knows
}
