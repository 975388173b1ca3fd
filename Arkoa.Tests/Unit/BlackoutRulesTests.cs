using Arkoa.Core.Capacity;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

/// <summary>SPEC §12: which requests fall in a blackout period, and what a new period must be, without a database.</summary>
public sealed class BlackoutRulesTests
{
    // Inventory week: Monday 2027-03-15 to Friday 2027-03-19 (French calendar: weekends off).
    private static readonly DateOnly Monday = new(2027, 3, 15);

    private static BlackoutPeriod Inventory(BlackoutEffect effect = BlackoutEffect.REFUSE, params LeaveType[] types) => new()
    {
        Name = "Inventory", StartDate = Monday, EndDate = Monday.AddDays(4), Effect = effect,
        LeaveTypes = types.Length == 0 ? [.. BlackoutPeriod.DefaultLeaveTypes] : types,
    };

    public static TheoryData<string, DateOnly, DateOnly, LeaveType, string> Requests => new()
    {
        { "a paid day inside", Monday.AddDays(2), Monday.AddDays(2), LeaveType.PAID, "blackout-period" },
        { "a week that ends on its first day", Monday.AddDays(-7), Monday, LeaveType.RTT, "blackout-period" },
        { "from its last day on", Monday.AddDays(4), Monday.AddDays(10), LeaveType.UNPAID, "blackout-period" },
        { "the week before", Monday.AddDays(-7), Monday.AddDays(-3), LeaveType.PAID, "ok" },
        { "a sick day inside (not a blackout type)", Monday.AddDays(1), Monday.AddDays(1), LeaveType.SICK, "ok" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_is_refused_when_it_takes_a_working_day_of_a_refusing_period_of_its_type(
        string request, DateOnly start, DateOnly end, LeaveType type, string expected)
    {
        _ = request; // names the row in the test report
        var plan = LeaveTransitionTableTests.Plan(start, end, type);

        Assert.Equal(expected, BlackoutRules.Refusal(plan, [Inventory()])?.Code ?? "ok");
    }

    [Fact]
    public void A_request_that_spans_a_period_only_on_its_weekend_is_not_refused()
    {
        var weekend = new BlackoutPeriod { Name = "Move", StartDate = Monday.AddDays(5), EndDate = Monday.AddDays(6) };
        var plan = LeaveTransitionTableTests.Plan(Monday, Monday.AddDays(7));

        Assert.Null(BlackoutRules.Refusal(plan, [weekend]));
        Assert.Empty(BlackoutRules.Hit(plan, [weekend]));
    }

    [Fact]
    public void A_warning_period_is_hit_but_refuses_nothing_and_the_refusal_names_the_period()
    {
        var plan = LeaveTransitionTableTests.Plan(Monday, Monday.AddDays(1));
        var warning = Inventory(BlackoutEffect.WARN);
        warning.Name = "Peak season";

        Assert.Null(BlackoutRules.Refusal(plan, [warning]));
        Assert.Equal(["Peak season"], BlackoutRules.Hit(plan, [warning]).Select(p => p.Name));

        var refusal = BlackoutRules.Refusal(plan, [warning, Inventory()])!;
        Assert.Equal(DomainErrorKind.Conflict, refusal.Kind);
        Assert.Equal("startDate", refusal.Field);
        Assert.Equal(("Inventory", Monday, Monday.AddDays(4)),
            ((string?)refusal.ValuesOrEmpty["name"], (DateOnly?)refusal.ValuesOrEmpty["startDate"], (DateOnly?)refusal.ValuesOrEmpty["endDate"]));
    }

    [Fact]
    public void A_period_of_chosen_types_only_reaches_those_types()
    {
        var trainingFreeze = Inventory(BlackoutEffect.REFUSE, LeaveType.TRAINING);

        Assert.NotNull(BlackoutRules.Refusal(LeaveTransitionTableTests.Plan(Monday, Monday, LeaveType.TRAINING), [trainingFreeze]));
        Assert.Null(BlackoutRules.Refusal(LeaveTransitionTableTests.Plan(Monday, Monday, LeaveType.PAID), [trainingFreeze]));
    }

    [Theory]
    [InlineData(0, 0, 1, "ok")]
    [InlineData(0, 365, 1, "ok")]
    [InlineData(0, 366, 1, "blackout-too-long")]
    [InlineData(1, 0, 1, "end-before-start")]
    [InlineData(0, 3, 0, "blackout-types-empty")]
    public void A_new_period_has_its_end_after_its_start_lasts_at_most_a_year_and_has_a_type(int startOffset, int endOffset, int typeCount, string expected)
    {
        var types = BlackoutPeriod.DefaultLeaveTypes.Take(typeCount).ToList();

        Assert.Equal(expected, BlackoutRules.Check(Monday.AddDays(startOffset), Monday.AddDays(endOffset), types)?.Code ?? "ok");
    }
}
