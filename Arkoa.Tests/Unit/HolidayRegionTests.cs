using Arkoa.Core.Days;

namespace Arkoa.Tests.Unit;

public sealed class HolidayRegionTests
{
    [Fact]
    public void FR_stays_metropolitan_France_with_its_eleven_holidays()
    {
        Assert.Equal("Metropolitan France", HolidayRegion.Find("FR")!.EnglishName);
        Assert.Equal(PublicHolidays.France(2026), PublicHolidays.For("FR", 2026));
    }

    [Theory]
    [InlineData("fr-alsace-moselle", HolidayRegion.AlsaceMoselle)]
    [InlineData("FR-971", HolidayRegion.Guadeloupe)]
    [InlineData("fr", HolidayRegion.France)]
    public void A_code_is_found_in_any_case(string code, string expected) => Assert.Equal(expected, HolidayRegion.Find(code)!.Code);

    [Theory]
    [InlineData("XX")]
    [InlineData("FR-975")] // Saint-Pierre-et-Miquelon is not a department with its own list here
    [InlineData("")]
    public void An_unknown_region_is_not_found_and_has_no_calendar(string code)
    {
        Assert.Null(HolidayRegion.Find(code));
        Assert.Throws<ArgumentOutOfRangeException>(() => PublicHolidays.For(code, 2026));
    }

    [Fact]
    public void Every_region_has_both_names_and_a_code_that_fits_the_column() =>
        Assert.All(HolidayRegion.All, r =>
        {
            Assert.True(r.Code.Length <= HolidayRegion.CodeMaxLength, r.Code);
            Assert.NotEmpty(r.EnglishName);
            Assert.NotEmpty(r.FrenchName);
        });

    [Theory]
    [InlineData(HolidayRegion.France, 11)]
    [InlineData(HolidayRegion.AlsaceMoselle, 13)]
    [InlineData(HolidayRegion.Guadeloupe, 12)]
    [InlineData(HolidayRegion.Mayotte, 12)]
    public void Each_region_adds_its_own_days_to_the_national_ones(string region, int count) =>
        Assert.Equal(count, PublicHolidays.For(region, 2026).Count);

    [Fact]
    public void A_worked_solidarity_day_takes_whit_monday_out_of_the_calendar_and_nothing_else()
    {
        var kept = PublicHolidays.For(HolidayRegion.AlsaceMoselle, 2026);
        var worked = PublicHolidays.For(HolidayRegion.AlsaceMoselle, 2026, solidarityDayWorked: true);
        Assert.Equal([(new DateOnly(2026, 5, 25), PublicHolidays.WhitMondayName)], kept.Except(worked));
        Assert.Equal(kept.Count - 1, worked.Count);
    }

    [Fact]
    public void The_counter_counts_whit_monday_only_when_it_is_the_worked_solidarity_day()
    {
        HashSet<DayOfWeek> week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var whitMonday = new DateOnly(2026, 5, 25);
        Assert.False(new LeaveDayCounter(week, "FR", []).IsWorkingDay(whitMonday));
        Assert.True(new LeaveDayCounter(week, "FR", [], solidarityDayWorked: true).IsWorkingDay(whitMonday));
    }
}
