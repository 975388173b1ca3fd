using Arkoa.Core.FrenchLaw;

namespace Arkoa.Tests.Unit;

/// <summary>What the corpus (FrenchCorpusTests) cannot say: the window's edges and the order of the days given.</summary>
public sealed class FractionnementTests
{
    [Theory]
    [InlineData("2026-04-30", false)]
    [InlineData("2026-05-01", true)]
    [InlineData("2026-10-31", true)]
    [InlineData("2026-11-01", false)]
    public void The_summer_window_is_1_may_to_31_october(string date, bool inside) =>
        Assert.Equal(inside, Fractionnement.InSummerWindow(DateOnly.Parse(date)));

    [Fact]
    public void The_main_leave_is_what_was_taken_first_whatever_the_order_given()
    {
        // 6 in December taken after 24 in summer: the fifth week, so nothing, even listed first.
        var result = Fractionnement.ExtraDays(CountingMode.OUVRABLES, [(new DateOnly(2026, 12, 21), 6m), (new DateOnly(2026, 7, 1), 24m)], waived: false);
        Assert.Equal(new FractionnementResult(0m, 0), result);
    }

    [Fact]
    public void A_chunk_across_the_main_leave_limit_counts_only_its_main_part()
    {
        // 20 in summer, then 10 in December: 4 of them complete the main leave, the other 6 are the fifth week.
        var result = Fractionnement.ExtraDays(CountingMode.OUVRABLES, [(new DateOnly(2026, 7, 1), 20m), (new DateOnly(2026, 12, 14), 10m)], waived: false);
        Assert.Equal(new FractionnementResult(4m, 1), result);
    }

    [Fact]
    public void Nothing_taken_gives_nothing() =>
        Assert.Equal(new FractionnementResult(0m, 0), Fractionnement.ExtraDays(CountingMode.OUVRES, [], waived: false));
}
