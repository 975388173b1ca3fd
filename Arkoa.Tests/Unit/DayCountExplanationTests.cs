using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;

namespace Arkoa.Tests.Unit;

/// <summary>The live count says what it left out and what would remain (issue 14 §9).</summary>
public sealed class DayCountExplanationTests
{
    private static readonly HashSet<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly Company French = new() { Name = "Test", HolidayCountry = "FR", WorkingDays = [.. MondayToFriday] };

    private static DayCountExplanation Explain(string start, string end, params (string Date, string Name)[] companyHolidays) =>
        LeaveDayCounter.WithHolidayNames(French, companyHolidays.Select(h => (DateOnly.Parse(h.Date), h.Name)))
            .Explain(DateOnly.Parse(start), DateOnly.Parse(end), null, null);

    [Fact]
    public void Christmas_on_a_working_day_is_named_as_left_out()
    {
        // Thursday 24 to Saturday 26 December 2026: Christmas (Friday) and Saturday are not counted.
        var explained = Explain("2026-12-24", "2026-12-26");

        Assert.Equal(1m, explained.Days);
        Assert.Equal(1, explained.NonWorkingDays);
        var christmas = Assert.Single(explained.Holidays);
        Assert.Equal((new DateOnly(2026, 12, 25), "Noël", true), (christmas.Date, christmas.Name, christmas.IsPublic));
    }

    [Fact]
    public void A_holiday_on_a_weekend_counts_as_a_weekend_day_and_is_not_named()
    {
        // 15 August 2026 is a Saturday.
        var explained = Explain("2026-08-14", "2026-08-17");

        Assert.Equal(2m, explained.Days);
        Assert.Equal(2, explained.NonWorkingDays);
        Assert.Empty(explained.Holidays);
    }

    [Fact]
    public void A_company_holiday_is_named_by_the_company_and_kept_apart_from_public_ones()
    {
        var explained = Explain("2026-05-11", "2026-05-15", ("2026-05-15", "Pont de l'Ascension"));

        Assert.Equal(3m, explained.Days);
        Assert.Equal(
            [(new DateOnly(2026, 5, 14), "Ascension", true), (new DateOnly(2026, 5, 15), "Pont de l'Ascension", false)],
            explained.Holidays.Select(h => (h.Date, h.Name, h.IsPublic)));
    }

    [Fact]
    public void The_explanation_counts_exactly_what_count_counts()
    {
        var counter = LeaveDayCounter.WithHolidayNames(French, [(new DateOnly(2026, 2, 4), "Séminaire")]);
        var (start, end) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        var explained = counter.Explain(start, end, HalfDayPeriod.AFTERNOON, HalfDayPeriod.MORNING);

        Assert.Equal(counter.Count(start, end, HalfDayPeriod.AFTERNOON, HalfDayPeriod.MORNING), explained.Days);
        // Every day of the year is either counted (whole or half), a non-working day of the week, or a named holiday.
        Assert.Equal(365, explained.NonWorkingDays + explained.Holidays.Count + (int)Math.Ceiling(explained.Days + 0.5m));
    }

    [Theory]
    [InlineData("PAID", 2, 5, 3)]
    [InlineData("RTT", 1.5, 1, -0.5)]
    [InlineData("PAID", 0, 2.5, 2.5)]
    public void The_balance_after_takes_the_days_from_the_balance(string type, decimal days, decimal remaining, decimal after) =>
        Assert.Equal(after, BalanceForecast.After(new LeaveType(type), usesBalance: true, days, remaining));

    [Fact]
    public void A_type_without_a_balance_has_no_balance_after() =>
        Assert.Null(BalanceForecast.After(LeaveType.SICK, usesBalance: false, 3, 10));

    [Fact]
    public void An_edited_leave_of_the_same_type_gives_its_days_back_first() =>
        Assert.Equal(2m, BalanceForecast.After(LeaveType.PAID, usesBalance: true, 3, remaining: 1, edited: (LeaveType.PAID, 4)));

    [Fact]
    public void An_edited_leave_of_another_type_gives_nothing_back_to_this_one() =>
        Assert.Equal(-2m, BalanceForecast.After(LeaveType.PAID, usesBalance: true, 3, remaining: 1, edited: (LeaveType.RTT, 4)));
}
