using Arkoa.Core.Days;

namespace Arkoa.Tests.Unit;

public sealed class PublicHolidaysTests
{
    // Every French public holiday of 2024–2027, from the official calendars (Easter-based ones differ each year).
    public static TheoryData<int, string[]> FrenchHolidays => new()
    {
        { 2024, ["2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20", "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25"] },
        { 2025, ["2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"] },
        { 2026, ["2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"] },
        { 2027, ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-08", "2027-05-06", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"] },
    };

    [Theory]
    [MemberData(nameof(FrenchHolidays))]
    public void France_has_exactly_the_official_holidays(int year, string[] expected)
    {
        var actual = PublicHolidays.France(year).Select(h => h.Date.ToString("yyyy-MM-dd")).Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), actual);
    }

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void Easter_sunday_is_computed_for_any_year(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), PublicHolidays.EasterSunday(year));

    [Fact]
    public void An_unknown_country_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PublicHolidays.For("XX", 2026));
}
