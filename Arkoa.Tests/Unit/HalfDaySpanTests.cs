using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;

namespace Arkoa.Tests.Unit;

public sealed class HalfDaySpanTests
{
    private static bool Weekday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static HalfDaySpan Span(string start, string end, HalfDayPeriod? startHalf = null, HalfDayPeriod? endHalf = null) =>
        new(DateOnly.Parse(start), DateOnly.Parse(end), startHalf, endHalf);

    [Fact]
    public void Sharing_a_working_day_overlaps() =>
        Assert.True(Span("2026-02-02", "2026-02-04").Overlaps(Span("2026-02-04", "2026-02-06"), Weekday));

    [Fact]
    public void Consecutive_ranges_do_not_overlap() =>
        Assert.False(Span("2026-02-02", "2026-02-03").Overlaps(Span("2026-02-04", "2026-02-06"), Weekday));

    [Fact]
    public void Opposite_half_days_may_share_a_day() =>
        Assert.False(Span("2026-02-02", "2026-02-04", endHalf: HalfDayPeriod.MORNING)
            .Overlaps(Span("2026-02-04", "2026-02-06", startHalf: HalfDayPeriod.AFTERNOON), Weekday));

    [Fact]
    public void Two_mornings_of_one_day_overlap() =>
        Assert.True(Span("2026-02-04", "2026-02-04", endHalf: HalfDayPeriod.MORNING)
            .Overlaps(Span("2026-02-04", "2026-02-04", endHalf: HalfDayPeriod.MORNING), Weekday));

    [Fact]
    public void A_morning_and_an_afternoon_of_one_day_do_not_overlap() =>
        Assert.False(Span("2026-02-04", "2026-02-04", endHalf: HalfDayPeriod.MORNING)
            .Overlaps(Span("2026-02-04", "2026-02-04", startHalf: HalfDayPeriod.AFTERNOON), Weekday));

    [Fact]
    public void Sharing_only_a_weekend_does_not_overlap() =>
        Assert.False(Span("2026-02-04", "2026-02-07").Overlaps(Span("2026-02-07", "2026-02-10"), Weekday));

    [Fact]
    public void A_range_inside_another_overlaps() =>
        Assert.True(Span("2026-02-02", "2026-02-13").Overlaps(Span("2026-02-05", "2026-02-05"), Weekday));
}
