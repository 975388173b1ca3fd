using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Payroll;
using CsCheck;

namespace Arkoa.Tests.Unit;

/// <summary>
/// Whatever the calendar (working days, holiday region, closures, solidarity day) and the leave (any length, half days),
/// the leave's shares of the months it touches add up to its own day count, and no month outside it gets any.
/// </summary>
public sealed class PayrollMonthSplitPropertyTests
{
    private sealed record Case(
        DayOfWeek[] WorkingDays, string Region, bool SolidarityDayWorked, DateOnly[] Closures, DateOnly Start, int Length,
        HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf);

    private static readonly DateOnly Origin = new(2026, 1, 1);

    private static readonly Gen<HalfDayPeriod?> HalfGen = Gen.OneOf(Gen.Const((HalfDayPeriod?)null), Gen.Const<HalfDayPeriod?>(HalfDayPeriod.MORNING), Gen.Const<HalfDayPeriod?>(HalfDayPeriod.AFTERNOON));

    private static readonly Gen<Case> CaseGen = Gen.Select(
        Gen.Enum<DayOfWeek>().HashSet[1, 7], Gen.OneOf(HolidayRegion.All.Select(r => Gen.Const(r.Code)).ToArray()), Gen.Bool,
        Gen.Int[0, 1100].Array[0, 6], Gen.Int[0, 1000], Gen.Int[0, 365], HalfGen, HalfGen,
        (days, region, solidarity, closures, start, length, startHalf, endHalf) => new Case(
            days.ToArray(), region, solidarity, closures.Select(Origin.AddDays).ToArray(), Origin.AddDays(start), length,
            startHalf,
            // A one-day leave with both halves is refused (SPEC §3): never a leave.
            length == 0 && startHalf == HalfDayPeriod.AFTERNOON ? null : endHalf));

    [Fact]
    public void The_months_of_a_leave_add_up_to_its_days() => CaseGen.Sample(Check, iter: 500);

    private static void Check(Case c)
    {
        var calendar = new LeaveDayCounter(c.WorkingDays.ToHashSet(), c.Region, c.Closures, c.SolidarityDayWorked);
        var end = c.Start.AddDays(c.Length);
        var total = calendar.Count(c.Start, end, c.StartHalf, c.EndHalf);

        var sum = 0m;
        // From the month before the leave to the month after it: those two must get nothing.
        for (var month = new DateOnly(c.Start.Year, c.Start.Month, 1).AddMonths(-1); month <= end.AddMonths(1); month = month.AddMonths(1))
        {
            var share = LeaveMonthShare.DaysIn(calendar, month, c.Start, end, c.StartHalf, c.EndHalf);
            Assert.True(share >= 0, $"{month:yyyy-MM}: {share}");
            if (month.AddMonths(1) <= c.Start || month > end) Assert.Equal(0m, share);
            sum += share;
        }
        Assert.Equal(total, sum);
    }
}
