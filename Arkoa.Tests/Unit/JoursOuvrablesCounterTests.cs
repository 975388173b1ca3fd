using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.FrenchLaw;

namespace Arkoa.Tests.Unit;

/// <summary>What the corpus (FrenchCorpusTests) cannot say: company closures, mode dispatch, refusals.</summary>
public sealed class JoursOuvrablesCounterTests
{
    private static readonly HashSet<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void A_company_closure_inside_the_leave_is_not_counted()
    {
        var calendar = new LeaveDayCounter(MondayToFriday, "FR", [new DateOnly(2026, 2, 5)]);
        Assert.Equal(5m, JoursOuvrablesCounter.Count(calendar, new(2026, 2, 2), new(2026, 2, 6), null, null));
    }

    [Fact]
    public void A_closure_on_the_monday_after_moves_the_return_but_is_itself_not_counted()
    {
        // Closed Monday 9 Feb 2026: back Tuesday; the Saturday counts, the closed Monday does not.
        var calendar = new LeaveDayCounter(MondayToFriday, "FR", [new DateOnly(2026, 2, 9)]);
        Assert.Equal(2m, JoursOuvrablesCounter.Count(calendar, new(2026, 2, 6), new(2026, 2, 6), null, null));
    }

    [Fact]
    public void The_mode_picks_the_rule()
    {
        var calendar = new LeaveDayCounter(MondayToFriday, "FR", []);
        Assert.Equal(5m, calendar.Count(CountingMode.OUVRES, new(2026, 2, 2), new(2026, 2, 6), null, null));
        Assert.Equal(6m, calendar.Count(CountingMode.OUVRABLES, new(2026, 2, 2), new(2026, 2, 6), null, null));
    }

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            JoursOuvrablesCounter.Count(new LeaveDayCounter(MondayToFriday, "FR", []), new(2026, 2, 6), new(2026, 2, 5), null, null));

    [Fact]
    public void Sunday_is_never_ouvrable_and_a_holiday_neither()
    {
        var calendar = new LeaveDayCounter(MondayToFriday, "FR", []);
        Assert.False(JoursOuvrablesCounter.IsOuvrable(calendar, new(2026, 2, 8)));
        Assert.False(JoursOuvrablesCounter.IsOuvrable(calendar, new(2026, 8, 15))); // Assumption, a Saturday
        Assert.True(JoursOuvrablesCounter.IsOuvrable(calendar, new(2026, 2, 7)));
    }
}
