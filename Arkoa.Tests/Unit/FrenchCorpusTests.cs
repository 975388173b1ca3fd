using System.Globalization;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.FrenchLaw;

namespace Arkoa.Tests.Unit;

/// <summary>
/// The engine against the public corpus of Arkoa.Tests/Corpus, written from facts and by hand, not by Arkoa's code
/// (docs/french-leave-rules.md says how): every holiday of every region 2024–2035, counting and fractionnement cases.
/// </summary>
public sealed class FrenchCorpusTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Holidays = CorpusFile.Read("french-public-holidays-2024-2035.csv");

    public static TheoryData<string, int> RegionYears()
    {
        var data = new TheoryData<string, int>();
        foreach (var region in HolidayRegion.All)
        {
            for (var year = 2024; year <= 2035; year++) data.Add(region.Code, year);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RegionYears))]
    public void Each_region_has_exactly_the_corpus_holidays(string region, int year)
    {
        var expected = Holidays.Where(h => h["region"] == region && h["date"].StartsWith($"{year}-", StringComparison.Ordinal))
            .Select(h => $"{h["date"]} {h["name"]}").Order().ToArray();
        var actual = PublicHolidays.For(region, year).Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}").Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_corpus_covers_every_region_and_nothing_else() =>
        Assert.Equal(HolidayRegion.All.Select(r => r.Code).Order(), Holidays.Select(h => h["region"]).Distinct().Order());

    public static TheoryData<string> CountingCases() => [.. CorpusFile.Read("french-counting-cases.csv").Select(Describe)];

    [Theory]
    [MemberData(nameof(CountingCases))]
    public void Counting_case(string row)
    {
        var c = CorpusFile.Read("french-counting-cases.csv").Single(r => Describe(r) == row);
        var calendar = new LeaveDayCounter(WorkingDays(c["working_days"]), c["region"], [], bool.Parse(c["solidarity_day_worked"]));
        var days = calendar.Count(Enum.Parse<CountingMode>(c["mode"]), DateOnly.Parse(c["start"]), DateOnly.Parse(c["end"]),
            Half(c["start_half"]), Half(c["end_half"]));
        Assert.Equal(decimal.Parse(c["expected"], CultureInfo.InvariantCulture), days);
    }

    public static TheoryData<string> FractionnementCases() => [.. CorpusFile.Read("french-fractionnement-cases.csv").Select(r => r["reason"])];

    [Theory]
    [MemberData(nameof(FractionnementCases))]
    public void Fractionnement_case(string reason)
    {
        var c = CorpusFile.Read("french-fractionnement-cases.csv").Single(r => r["reason"] == reason);
        var taken = c["taken"].Split(';').Select(t => t.Split(':'))
            .Select(t => (DateOnly.Parse(t[0]), decimal.Parse(t[1], CultureInfo.InvariantCulture)));
        var result = Fractionnement.ExtraDays(Enum.Parse<CountingMode>(c["mode"]), taken, bool.Parse(c["waived"]));
        Assert.Equal(decimal.Parse(c["expected_outside"], CultureInfo.InvariantCulture), result.MainDaysOutsideWindow);
        Assert.Equal(int.Parse(c["expected_extra"], CultureInfo.InvariantCulture), result.ExtraDays);
    }

    // The test's name in the runner: the mode, the region and the row's reason.
    private static string Describe(IReadOnlyDictionary<string, string> row) => $"{row["mode"]} {row["region"]}: {row["reason"]}";

    private static HalfDayPeriod? Half(string value) => value.Length == 0 ? null : Enum.Parse<HalfDayPeriod>(value);

    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    // "MO-FR" is a range, "MO,TU,WE" a list.
    private static HashSet<DayOfWeek> WorkingDays(string value)
    {
        if (value.Split('-') is [var from, var to])
        {
            return [.. Enumerable.Range(Array.IndexOf(DayCodes, from), Array.IndexOf(DayCodes, to) - Array.IndexOf(DayCodes, from) + 1)
                .Select(d => (DayOfWeek)d)];
        }
        return [.. value.Split(',').Select(d => (DayOfWeek)Array.IndexOf(DayCodes, d))];
    }
}
