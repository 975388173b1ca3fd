using Arkoa.Core.Capacity;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.Teams;

namespace Arkoa.Tests.Unit;

/// <summary>SPEC §12: a team's coverage per day against its rule, and what a request would break, without a database.</summary>
public sealed class TeamCoverageTests
{
    // Monday 2027-03-01 to Sunday 2027-03-07; Saturday and Sunday are days off.
    private static readonly DateOnly Monday = new(2027, 3, 1);
    private static readonly Func<DateOnly, bool> Weekdays = d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    private static readonly Guid Ann = Guid.NewGuid(), Bob = Guid.NewGuid(), Cid = Guid.NewGuid(), Dee = Guid.NewGuid(), Outsider = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> FourMembers = new HashSet<Guid> { Ann, Bob, Cid, Dee };

    private static TeamAbsence Away(Guid who, DateOnly start, DateOnly end, bool approved = true, HalfDayPeriod? startHalf = null, HalfDayPeriod? endHalf = null) =>
        new(who, new HalfDaySpan(start, end, startHalf, endHalf), approved);

    private static CoverageDay On(IEnumerable<CoverageDay> days, DateOnly date) => days.Single(d => d.Date == date);

    [Fact]
    public void A_day_counts_the_members_away_and_the_rule_breaks_below_the_minimum()
    {
        var days = TeamCoverage.Days(Monday, Monday.AddDays(6), Weekdays, FourMembers,
            [Away(Ann, Monday, Monday.AddDays(1)), Away(Bob, Monday.AddDays(1), Monday.AddDays(1))], new CoverageRule(3, null));

        Assert.Equal(7, days.Count);
        Assert.Equal((4, 1, 3, false), (On(days, Monday).Headcount, On(days, Monday).Absent, On(days, Monday).Present, On(days, Monday).Breached));
        Assert.Equal((2, true), (On(days, Monday.AddDays(1)).Present, On(days, Monday.AddDays(1)).Breached));
        Assert.Equal((4, false), (On(days, Monday.AddDays(2)).Present, On(days, Monday.AddDays(2)).Breached));
    }

    [Fact]
    public void A_maximum_absent_breaks_when_more_are_away_than_it_allows()
    {
        var days = TeamCoverage.Days(Monday, Monday, Weekdays, FourMembers,
            [Away(Ann, Monday, Monday), Away(Bob, Monday, Monday)], new CoverageRule(null, 1));

        Assert.True(days.Single().Breached);
        Assert.False(TeamCoverage.Days(Monday, Monday, Weekdays, FourMembers, [Away(Ann, Monday, Monday)], new CoverageRule(null, 1)).Single().Breached);
    }

    [Fact]
    public void A_day_off_for_the_company_has_no_requirement_even_with_everyone_away()
    {
        var saturday = Monday.AddDays(5);
        var everyone = FourMembers.Select(m => Away(m, saturday, saturday));

        var day = TeamCoverage.Days(saturday, saturday, Weekdays, FourMembers, everyone, new CoverageRule(4, 0)).Single();

        Assert.False(day.IsWorkingDay);
        Assert.False(day.Breached);
        Assert.Equal(4, day.Absent);
    }

    [Fact]
    public void A_morning_away_and_an_afternoon_away_leave_the_team_one_short_not_two()
    {
        var days = TeamCoverage.Days(Monday, Monday, Weekdays, FourMembers,
            [Away(Ann, Monday, Monday, endHalf: HalfDayPeriod.MORNING), Away(Bob, Monday, Monday, startHalf: HalfDayPeriod.AFTERNOON)],
            new CoverageRule(3, null));

        Assert.Equal(1, days.Single().Absent);
        Assert.False(days.Single().Breached);
    }

    [Fact]
    public void Two_members_away_the_same_half_day_both_count()
    {
        var days = TeamCoverage.Days(Monday, Monday, Weekdays, FourMembers,
            [Away(Ann, Monday, Monday, endHalf: HalfDayPeriod.MORNING), Away(Bob, Monday, Monday, endHalf: HalfDayPeriod.MORNING)],
            new CoverageRule(3, null));

        Assert.Equal(2, days.Single().Absent);
        Assert.True(days.Single().Breached);
    }

    [Fact]
    public void Pending_leaves_count_only_in_the_what_if_figures()
    {
        var days = TeamCoverage.Days(Monday, Monday, Weekdays, FourMembers,
            [Away(Ann, Monday, Monday), Away(Bob, Monday, Monday, approved: false)], new CoverageRule(3, null));

        var day = days.Single();
        Assert.Equal((1, 2), (day.Absent, day.AbsentWithPending));
        Assert.Equal((false, true), (day.Breached, day.BreachedWithPending));
    }

    [Fact]
    public void Leaves_of_people_outside_the_team_and_outside_the_period_do_not_count()
    {
        var days = TeamCoverage.Days(Monday, Monday.AddDays(1), Weekdays, FourMembers,
            [Away(Outsider, Monday, Monday.AddDays(1)), Away(Ann, Monday.AddDays(-10), Monday), Away(Bob, Monday.AddDays(1), Monday.AddDays(30))],
            new CoverageRule(4, null));

        Assert.Equal([1, 1], days.Select(d => d.Absent));
        Assert.Equal(2, days.Count);
    }

    [Fact]
    public void A_request_breaks_only_the_working_days_it_takes_where_the_team_would_fall_short()
    {
        // Ann is already away Monday and Tuesday (approved), Bob asks Tuesday to Monday next week; minimum 3 of 4.
        var request = new HalfDaySpan(Monday.AddDays(1), Monday.AddDays(7), null, null);

        var breaches = TeamCoverage.BreachesWith(request, Bob, Weekdays, FourMembers, [Away(Ann, Monday, Monday.AddDays(1))], new CoverageRule(3, null));

        Assert.Equal([Monday.AddDays(1)], breaches.Select(d => d.Date));
        Assert.Equal(2, breaches.Single().PresentWithPending);
    }

    [Fact]
    public void A_request_by_someone_outside_the_team_or_a_team_without_a_rule_breaks_nothing()
    {
        var request = new HalfDaySpan(Monday, Monday, null, null);
        var everyoneElse = new[] { Away(Ann, Monday, Monday), Away(Bob, Monday, Monday), Away(Cid, Monday, Monday) };

        Assert.Empty(TeamCoverage.BreachesWith(request, Outsider, Weekdays, FourMembers, everyoneElse, new CoverageRule(3, null)));
        Assert.Empty(TeamCoverage.BreachesWith(request, Dee, Weekdays, FourMembers, everyoneElse, CoverageRule.None));
        Assert.Single(TeamCoverage.BreachesWith(request, Dee, Weekdays, FourMembers, everyoneElse, new CoverageRule(1, null)));
    }

    [Fact]
    public void Editing_ones_own_pending_leave_is_not_counted_twice()
    {
        var request = new HalfDaySpan(Monday, Monday, null, null);

        var breaches = TeamCoverage.BreachesWith(request, Ann, Weekdays, FourMembers, [Away(Ann, Monday, Monday, approved: false)], new CoverageRule(3, null));

        Assert.Empty(breaches);
    }

    [Fact]
    public void An_approval_counts_only_approved_leaves_and_breaks_the_days_of_the_leave_below_the_rule()
    {
        // Ann approved Monday–Tuesday, Bob pending Tuesday; Cid's leave Monday–Wednesday is being approved; minimum 3 of 4.
        var absences = new[] { Away(Ann, Monday, Monday.AddDays(1)), Away(Bob, Monday.AddDays(1), Monday.AddDays(1), approved: false),
            Away(Cid, Monday, Monday.AddDays(2), approved: false) };

        var breaches = TeamCoverage.BreachesIfApproved(new HalfDaySpan(Monday, Monday.AddDays(2), null, null), Cid, Weekdays, FourMembers,
            absences, new CoverageRule(3, null));

        Assert.Equal([Monday, Monday.AddDays(1)], breaches.Select(d => d.Date));
        Assert.Empty(TeamCoverage.BreachesIfApproved(new HalfDaySpan(Monday, Monday, null, null), Outsider, Weekdays, FourMembers, absences, new CoverageRule(3, null)));
    }

    [Theory]
    [InlineData(false, false, null, "ok")]
    [InlineData(true, false, null, "coverage-breach")]
    [InlineData(true, true, null, "coverage-override-note-required")]
    [InlineData(true, true, "  ", "coverage-override-note-required")]
    [InlineData(true, true, "Cover arranged with the night team", "ok")]
    [InlineData(false, true, null, "ok")] // nothing to override
    public void A_shortfall_needs_an_override_with_a_note(bool shortfall, bool overrideRequested, string? note, string expected)
    {
        IReadOnlyList<CoverageApproval.Shortfall> shortfalls = shortfall ? [new("Floor", new CoverageRule(3, null), [Monday])] : [];

        var error = CoverageApproval.Check(shortfalls, overrideRequested, note);

        Assert.Equal(expected, error?.Code ?? "ok");
        if (error?.Code == "coverage-breach") Assert.Equal([Monday], (IReadOnlyList<DateOnly>)error.ValuesOrEmpty["dates"]!);
    }

    [Theory]
    [InlineData(null, null, "ok")]
    [InlineData(1, 0, "ok")]
    [InlineData(10000, 10000, "ok")]
    [InlineData(0, null, "coverage-minimum-range")]
    [InlineData(-1, null, "coverage-minimum-range")]
    [InlineData(10001, null, "coverage-minimum-range")]
    [InlineData(null, -1, "coverage-maximum-range")]
    [InlineData(null, 10001, "coverage-maximum-range")]
    public void A_rule_counts_whole_people_in_range(int? minimum, int? maximum, string expected)
    {
        var error = new CoverageRule(minimum, maximum).Check();

        Assert.Equal(expected, error?.Code ?? "ok");
    }

    [Fact]
    public void A_blackout_reaches_the_members_of_its_team_and_of_every_team_below_it()
    {
        Guid sales = Guid.NewGuid(), east = Guid.NewGuid(), night = Guid.NewGuid(), support = Guid.NewGuid();
        var tree = new TeamTree([new(sales, null), new(east, sales), new(night, east), new(support, null)]);

        Assert.Equal(new HashSet<Guid> { night, east, sales }, tree.WithParents([night]));
        Assert.Equal(new HashSet<Guid> { support, east, sales }, tree.WithParents([support, east]));
        Assert.Empty(tree.WithParents([Guid.NewGuid()]));
    }
}
