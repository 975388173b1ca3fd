using Arkoa.Core.Balances;

namespace Arkoa.Tests.Unit;

public sealed class ProrationTests
{
    [Theory]
    [InlineData(25, "2026-01-15", 25.0)]   // whole year
    [InlineData(25, "2026-07-01", 12.5)]   // 25 × 6/12
    [InlineData(25, "2026-11-26", 4.0)]    // 25 × 2/12 = 4.17 → 4
    [InlineData(25, "2026-12-31", 2.0)]    // 25 × 1/12 = 2.08 → 2
    [InlineData(30, "2026-10-01", 7.5)]    // 30 × 3/12
    [InlineData(25, "2026-03-01", 21.0)]   // 25 × 10/12 = 20.83 → 21
    [InlineData(20, "2026-05-01", 13.5)]   // 20 × 8/12 = 13.33 → 13.5
    [InlineData(0, "2026-05-01", 0.0)]
    public void Initial_paid_days_are_prorated_to_the_half_day(int annual, string joinedOn, double expected) =>
        Assert.Equal((decimal)expected, Proration.InitialPaidDays(annual, DateOnly.Parse(joinedOn)));
}
