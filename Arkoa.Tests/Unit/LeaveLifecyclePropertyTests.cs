using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using CsCheck;

namespace Arkoa.Tests.Unit;

/// <summary>
/// Random sequences of submit, edit, approve, reject, cancel and delete on the <see cref="Leave"/> aggregate, by the
/// member and by a manager, with half days, public and company holidays, and balances that may run short. After every
/// step: no balance below zero, every balance is its credit plus its movements and also its credit minus the days its
/// live leaves hold (no day created or lost), no two live leaves share a counted half day, and each leave's status
/// history has one row per transition that succeeded, chained from status to status.
/// </summary>
public sealed class LeaveLifecyclePropertyTests
{
    private static readonly DateOnly Today = new(2027, 5, 3); // a May with 1 May, 8 May, Ascension and Whit Monday
    private static readonly DateTime Now = new(2027, 5, 3, 8, 0, 0, DateTimeKind.Utc);
    private static readonly LeaveType[] Types = [LeaveType.PAID, LeaveType.RTT, LeaveType.SICK];
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly LeaveActor Owner = new(Guid.NewGuid(), Member, IsManager: false);
    private static readonly LeaveActor Manager = new(Guid.NewGuid(), Guid.NewGuid(), IsManager: true);

    private enum Kind { Submit, Edit, Approve, Reject, Cancel, Delete }

    private sealed record Step(Kind Kind, int Target, bool ByManager, LeaveType Type, int StartOffset, int Length, bool StartHalf, bool EndHalf);

    private sealed record Scenario(decimal Paid, decimal Rtt, DateOnly[] CompanyHolidays, Step[] Steps)
    {
        // What a failure prints: every holiday and step, to replay it by hand.
        public override string ToString() =>
            $"PAID {Paid}, RTT {Rtt}, holidays [{string.Join(", ", CompanyHolidays)}], steps:\n  {string.Join("\n  ", Steps.Select(s => s.ToString()))}";
    }

    private static readonly Gen<Step> StepGen = Gen.Select(
        Gen.Frequency((4, Gen.Const(Kind.Submit)), (2, Gen.Const(Kind.Edit)), (2, Gen.Const(Kind.Approve)), (1, Gen.Const(Kind.Reject)),
            (2, Gen.Const(Kind.Cancel)), (1, Gen.Const(Kind.Delete))),
        Gen.Int[0, 20], Gen.Bool, Gen.OneOf(Types.Select(Gen.Const).ToArray()), Gen.Int[-5, 40], Gen.Int[0, 6], Gen.Bool, Gen.Bool,
        (kind, target, byManager, type, start, length, startHalf, endHalf) => new Step(kind, target, byManager, type, start, length, startHalf, endHalf));

    private static readonly Gen<Scenario> ScenarioGen = Gen.Select(
        Gen.Int[0, 40], Gen.Int[0, 12], Gen.Int[0, 45].Array[0, 4], StepGen.Array[1, 40],
        (paid, rtt, holidays, steps) => new Scenario(paid / 2m, rtt / 2m, holidays.Select(d => Today.AddDays(d)).ToArray(), steps));

    [Fact]
    public void Any_sequence_of_transitions_keeps_every_day_and_every_step() => ScenarioGen.Sample(Run, iter: 300);

    private static void Run(Scenario scenario)
    {
        var calendar = new LeaveDayCounter(
            new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, "FR", scenario.CompanyHolidays);
        var credit = new Dictionary<LeaveType, decimal> { [LeaveType.PAID] = scenario.Paid, [LeaveType.RTT] = scenario.Rtt };
        var balances = new Dictionary<LeaveType, decimal>(credit);
        var movements = new List<BalanceMovement>();
        var leaves = new List<Leave>();
        var succeeded = new Dictionary<Leave, int>();

        foreach (var step in scenario.Steps)
        {
            var actor = step.ByManager ? Manager : Owner;
            var leave = leaves.Count == 0 ? null : leaves[step.Target % leaves.Count];
            DomainError? error;
            switch (step.Kind)
            {
                case Kind.Submit:
                    if (PlanFor(step, actor, calendar) is not { } plan) continue;
                    (leave, error) = Leave.Submit(actor, Member, true, plan, null, LiveSpans(leaves, except: null), balances, Now);
                    if (leave is not null) leaves.Add(leave);
                    break;
                case Kind.Edit when leave is not null:
                    if (PlanFor(step, actor, calendar) is not { } edited) continue;
                    error = leave.Edit(actor, true, null, edited, null, LiveSpans(leaves, except: leave), balances, Now);
                    break;
                case Kind.Approve when leave is not null:
                    error = leave.Approve(Manager, true, null, null, Now);
                    break;
                case Kind.Reject when leave is not null:
                    error = leave.Reject(Manager, true, null, "No", Now);
                    break;
                case Kind.Cancel when leave is not null:
                    error = leave.Cancel(actor, null, Today, Now);
                    break;
                case Kind.Delete when leave is not null:
                    error = leave.Delete(actor, true, Now);
                    break;
                default:
                    continue;
            }
            if (error is not null) { Assert.True(leave is null || leave.BalanceMovements.Count == 0, "a refusal moves nothing"); continue; }

            succeeded[leave!] = succeeded.GetValueOrDefault(leave!) + 1;
            foreach (var movement in leave!.BalanceMovements)
            {
                balances[movement.Type] += movement.Change;
                Assert.True(balances[movement.Type] >= 0, $"{movement.Type} went below zero: {balances[movement.Type]}");
                movements.Add(movement);
            }
            leave.ClearBalanceMovements();
            CheckInvariants(credit, balances, movements, leaves, succeeded, calendar);
        }
    }

    private static void CheckInvariants(Dictionary<LeaveType, decimal> credit, Dictionary<LeaveType, decimal> balances, List<BalanceMovement> movements,
        List<Leave> leaves, Dictionary<Leave, int> succeeded, LeaveDayCounter calendar)
    {
        foreach (var type in credit.Keys)
        {
            Assert.Equal(credit[type] + movements.Where(m => m.Type == type).Sum(m => m.Change), balances[type]);
            var held = leaves.Where(l => Live(l) && l.Type == type).Sum(l => l.Days);
            Assert.Equal(credit[type] - held, balances[type]);
        }
        foreach (var leave in leaves)
        {
            Assert.Equal(succeeded.GetValueOrDefault(leave), leave.StatusHistory.Count);
            Assert.Equal(calendar.Count(leave.StartDate, leave.EndDate, leave.StartHalf, leave.EndHalf), leave.Days);
            for (var i = 1; i < leave.StatusHistory.Count; i++)
            {
                Assert.Equal(leave.StatusHistory[i - 1].ToStatus, leave.StatusHistory[i].FromStatus);
            }
        }
        var live = leaves.Where(Live).ToList();
        for (var i = 0; i < live.Count; i++)
        {
            for (var j = i + 1; j < live.Count; j++)
            {
                Assert.False(Span(live[i]).Overlaps(Span(live[j]), calendar.IsWorkingDay), "two live leaves share a counted half day");
            }
        }
    }

    /// <summary>The plan the Api would make for the step, or null when the request itself is refused (no transition).</summary>
    private static LeavePlan? PlanFor(Step step, LeaveActor actor, LeaveDayCounter calendar)
    {
        var start = Today.AddDays(step.StartOffset);
        var end = start.AddDays(step.Length);
        var (halves, error) = LeavePlanner.Check(actor, Today, start, end,
            step.StartHalf ? HalfDayPeriod.AFTERNOON : null, step.EndHalf ? HalfDayPeriod.MORNING : null, null);
        return error is not null ? null : LeavePlanner.Count(calendar, step.Type, start, end, halves.Start, halves.End).Plan;
    }

    private static bool Live(Leave leave) => leave.DeletedAt is null && leave.Status is LeaveStatus.PENDING or LeaveStatus.APPROVED;

    private static HalfDaySpan Span(Leave l) => new(l.StartDate, l.EndDate, l.StartHalf, l.EndHalf);

    private static List<LeaveNeighbour> LiveSpans(List<Leave> leaves, Leave? except) =>
        leaves.Where(l => l != except && Live(l)).Select(l => new LeaveNeighbour(l.Id, l.Type, Span(l))).ToList();
}
