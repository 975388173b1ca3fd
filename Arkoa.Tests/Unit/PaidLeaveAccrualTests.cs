using Arkoa.Core.FrenchLaw;

namespace Arkoa.Tests.Unit;

public sealed class PaidLeaveAccrualTests
{
    private static readonly ReferencePeriod June2025 = new(new DateOnly(2025, 6, 1));

    [Theory]
    [InlineData("2026-05-31", 6, "2025-06-01", "2026-05-31")]
    [InlineData("2026-06-01", 6, "2026-06-01", "2027-05-31")]
    [InlineData("2026-03-10", 1, "2026-01-01", "2026-12-31")] // a calendar-year period
    [InlineData("2026-03-10", 4, "2025-04-01", "2026-03-31")]
    public void A_date_falls_in_one_reference_period(string date, int startMonth, string start, string end)
    {
        var period = ReferencePeriod.Containing(DateOnly.Parse(date), startMonth);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (period.Start, period.End));
    }

    [Fact]
    public void A_start_month_outside_1_to_12_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferencePeriod.Containing(new DateOnly(2026, 1, 1), 13));

    [Fact]
    public void A_whole_period_gives_2_5_ouvrables_a_month_and_30_in_all()
    {
        var acquired = PaidLeaveAccrual.Acquired(CountingMode.OUVRABLES, June2025, null, null);
        Assert.Equal(12, acquired.Months.Count);
        Assert.All(acquired.Months, m => Assert.Equal(2.5m, m.Days));
        Assert.Equal(new DateOnly(2025, 6, 1), acquired.Months[0].Month);
        Assert.Equal(30m, acquired.Total);
    }

    [Fact]
    public void A_whole_period_gives_25_ouvres_at_25_twelfths_a_month()
    {
        var acquired = PaidLeaveAccrual.Acquired(CountingMode.OUVRES, June2025, null, null);
        Assert.All(acquired.Months, m => Assert.Equal(2.0833m, m.Days));
        Assert.Equal(25m, acquired.Total); // not 26: twelve twelfths are exactly 25
    }

    [Theory]
    [InlineData("OUVRABLES", "2025-09-01", null, 22.5, 23)] // 9 months; L3141-7 rounds up to the whole day
    [InlineData("OUVRABLES", "2025-09-16", null, 21.25, 22)] // half of September (15 of 30 days) + 8 months
    [InlineData("OUVRES", "2025-12-01", null, 12.5, 13)] // 6 months × 25/12
    [InlineData("OUVRABLES", null, "2026-01-31", 20, 20)] // left at the end of January: 8 months
    [InlineData("OUVRABLES", "2026-06-01", null, 0, 0)] // hired after the period
    public void Arrival_or_departure_in_the_period_gives_its_share(string mode, string? from, string? until, double exact, int total)
    {
        var acquired = PaidLeaveAccrual.Acquired(
            Enum.Parse<CountingMode>(mode), June2025, from is null ? null : DateOnly.Parse(from), until is null ? null : DateOnly.Parse(until));
        Assert.Equal((decimal)exact, Math.Round(acquired.Months.Sum(m => m.Days), 2));
        Assert.Equal(total, acquired.Total);
    }

    [Fact]
    public void A_month_partly_employed_counts_its_share_of_days()
    {
        var acquired = PaidLeaveAccrual.Acquired(CountingMode.OUVRABLES, June2025, new DateOnly(2025, 9, 16), null);
        Assert.Equal([0m, 0m, 0m, 1.25m, 2.5m], acquired.Months.Take(5).Select(m => m.Days));
    }
}
