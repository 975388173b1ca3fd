using Arkoa.Core.Companies;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

public sealed class CompanySettingsTests
{
    [Theory]
    [InlineData("Europe/Paris", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Romance Standard Time", false)] // a Windows id
    [InlineData("Europe/Atlantis", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("/etc/localtime", false)]
    [InlineData(" Europe/Paris", false)]
    [InlineData("", false)]
    public void Only_iana_zone_ids_are_time_zones(string id, bool valid) =>
        Assert.Equal(valid, CompanySettings.IsIanaTimeZone(id));

    [Theory]
    [InlineData("03-31", true)]
    [InlineData("12-31", true)]
    [InlineData("01-01", true)]
    [InlineData("02-28", true)]
    [InlineData("02-29", false)]
    [InlineData("04-31", false)]
    [InlineData("13-01", false)]
    [InlineData("00-10", false)]
    [InlineData("3-31", false)]
    [InlineData("03/31", false)]
    [InlineData("03-31 ", false)]
    public void A_carry_over_expiry_is_a_day_that_exists_every_year(string value, bool valid) =>
        Assert.Equal(valid, CompanySettings.IsMonthDay(value));

    [Theory]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(7.5, true)]
    [InlineData(2.25, false)]
    [InlineData(0.1, false)]
    public void Carry_over_days_are_whole_or_half(double days, bool valid) =>
        Assert.Equal(valid, CompanySettings.IsWholeOrHalfDay((decimal)days));

    [Fact]
    public void Week_days_map_both_ways_and_working_days_come_monday_first_without_repeats()
    {
        foreach (var day in Enum.GetValues<DayOfWeek>()) Assert.Equal(day, day.ToWeekDay().ToDayOfWeek());
        Assert.Equal(DayOfWeek.Sunday, WeekDay.SUNDAY.ToDayOfWeek());
        Assert.Equal(DayOfWeek.Monday, WeekDay.MONDAY.ToDayOfWeek());
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday, DayOfWeek.Sunday],
            WeekDays.ToWorkingDays([WeekDay.SUNDAY, WeekDay.MONDAY, WeekDay.SATURDAY, WeekDay.MONDAY]));
        Assert.Equal([WeekDay.MONDAY, WeekDay.SUNDAY], WeekDays.FromWorkingDays([DayOfWeek.Sunday, DayOfWeek.Monday]));
    }
}
