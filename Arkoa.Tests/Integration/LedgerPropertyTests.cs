using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Property test of the ledger (issue 15 §2) against the real Postgres, through <see cref="BalanceLedger"/> as the Api and
/// the Worker use it: a random sequence of credits, adjustments, deductions, refunds, year-change carry-overs and expiries
/// on one member's two balances. Bounded: a fixed number of operations from a fixed seed (set CsCheck_Seed to try another;
/// a failure prints its seed).
/// </summary>
public sealed class LedgerPropertyTests(ArkoaAppFixture app, ITestOutputHelper output) : IClassFixture<ArkoaAppFixture>
{
    private const string DefaultSeed = "0001LedgerKs";
    private const int Operations = 300;

    private enum Operation { Credit, Adjustment, Deduction, Refund, CarryOver, Expiry }

    private sealed record Step(Operation Operation, LeaveType Type, decimal Days, bool Negative);

    private static readonly Gen<Step> Steps = Gen.Select(
        Gen.Frequency((2, Gen.Const(Operation.Credit)), (2, Gen.Const(Operation.Adjustment)), (4, Gen.Const(Operation.Deduction)),
            (2, Gen.Const(Operation.Refund)), (1, Gen.Const(Operation.CarryOver)), (1, Gen.Const(Operation.Expiry))),
        Gen.Bool.Select(paid => paid ? LeaveType.PAID : LeaveType.RTT),
        Gen.Int[1, 40].Select(halves => halves / 2m), // half a day to 20 days
        Gen.Bool,
        (operation, type, days, negative) => new Step(operation, type, days, negative));

    [Fact]
    public async Task Random_movements_keep_every_balance_the_sum_of_its_entries_never_negative_replayable_and_chained()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var membershipId = Guid.Parse(team.EmployeeMembershipId);
        var actorId = Guid.Parse(team.Admin.UserId);
        var options = new DbContextOptionsBuilder<ArkoaDbContext>().UseNpgsql(await app.ConnectionStringAsync("api", "arkoa"));
        ArkoaDbContextOptions.Apply(options);
        var seed = Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 } chosen ? chosen : DefaultSeed;
        var random = PCG.Parse(seed);

        Dictionary<LeaveType, decimal> model;
        await using (var db = new ArkoaDbContext(options.Options))
        {
            model = await db.LeaveBalances.Where(b => b.MembershipId == membershipId).ToDictionaryAsync(b => b.Type, b => b.RemainingDays);
        }
        // After each step: the member's last sequence and the balances the model expects at that point.
        var checkpoints = new List<(long Sequence, Dictionary<LeaveType, decimal> Balances)>();
        var refusals = 0;
        for (var i = 0; i < Operations; i++)
        {
            var step = Steps.Generate(random, null, out Size _);
            await using var db = new ArkoaDbContext(options.Options);
            var ledger = new BalanceLedger(db);
            var (accepted, remaining, head) = await db.InTransactionAsync(async ct =>
            {
                await db.LockMemberAsync(membershipId, ct);
                var balance = await ledger.GetOrCreateAsync(membershipId, step.Type, ct);
                var ok = Apply(ledger, balance, step, actorId);
                await db.SaveChangesAsync(ct);
                var last = await db.LeaveBalanceHistory.Where(h => h.MembershipId == membershipId).MaxAsync(h => h.Sequence, ct);
                return (ok, balance.RemainingDays, last);
            }, CancellationToken.None);

            var expected = Expected(model[step.Type], step);
            Assert.True(accepted == (expected is not null), $"Seed {seed}, step {i} {step}: accepted {accepted} from {model[step.Type]}");
            if (expected is { } next) model[step.Type] = next; else refusals++;
            Assert.True(remaining == model[step.Type], $"Seed {seed}, step {i} {step}: {remaining} instead of {model[step.Type]}");
            checkpoints.Add((head, new Dictionary<LeaveType, decimal>(model)));
        }
        output.WriteLine($"Seed {seed}: {Operations} operations, {refusals} refused for going below zero.");

        await using (var db = new ArkoaDbContext(options.Options))
        {
            var (entries, balances) = await db.MemberLedgerAsync(membershipId, CancellationToken.None);
            Assert.Equal(model, balances);
            Assert.Null(LedgerChain.FirstBreak(membershipId, entries.Select(e => e.Entry), balances));

            // Replaying the entries in their order never goes below zero and gives every balance seen after each step.
            var replayed = balances.Keys.ToDictionary(t => t, _ => 0m);
            var next = 0;
            foreach (var entry in entries.Select(e => e.Entry))
            {
                replayed[entry.BalanceType] += entry.Change;
                Assert.True(replayed[entry.BalanceType] >= 0, $"Seed {seed}: replay goes below zero at entry {entry.Sequence}");
                while (next < checkpoints.Count && checkpoints[next].Sequence == entry.Sequence)
                {
                    Assert.Equal(checkpoints[next].Balances, replayed);
                    next++;
                }
            }
            Assert.Equal(model, replayed);
        }
        var report = await team.Admin.GetJsonAsync(team.Url("/ledger/verify"));
        Assert.True(report.GetProperty("holds").GetBoolean(), report.GetRawText());
    }

    /// <summary>The ledger's arithmetic does not read an entry's facts.</summary>
    private static readonly BalanceChangeFacts Facts = new() { Cause = BalanceChangeCause.MANUAL };

    /// <summary>What the step does to the ledger, as the endpoints and jobs do it.</summary>
    private static bool Apply(BalanceLedger ledger, LeaveBalance balance, Step step, Guid actorId)
    {
        switch (step.Operation)
        {
            case Operation.Credit:
                return ledger.TryApply(balance, step.Days, LeaveBalanceHistoryType.AUTO_CREDIT, null, null, "Credit", Facts);
            case Operation.Adjustment:
                return ledger.TryApply(balance, step.Negative ? -step.Days : step.Days, LeaveBalanceHistoryType.MANUEL_CREDIT, actorId, null, "Adjustment", Facts);
            case Operation.Deduction:
                return ledger.TryApply(balance, -step.Days, LeaveBalanceHistoryType.LEAVE_DEDUCTION, actorId, null, "Deduction", Facts);
            case Operation.Refund:
                return ledger.TryApply(balance, step.Days, LeaveBalanceHistoryType.LEAVE_REFUND, actorId, null, "Refund", Facts);
            case Operation.CarryOver:
                // The year change: close what is left, carry up to the cap (here: the step's days) back in.
                var left = balance.RemainingDays;
                var carry = Math.Floor(Math.Min(left, step.Days) * 2) / 2;
                if (left > 0 && !ledger.TryApply(balance, -left, LeaveBalanceHistoryType.CARRY_FORWARD, null, null, "Closed", Facts)) return false;
                return carry == 0 || ledger.TryApply(balance, carry, LeaveBalanceHistoryType.CARRY_FORWARD, null, null, "Carried", Facts);
            case Operation.Expiry:
                var expire = Math.Min(step.Days, balance.RemainingDays);
                return expire == 0 || ledger.TryApply(balance, -expire, LeaveBalanceHistoryType.EXPIRATION, null, null, "Expired", Facts);
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    /// <summary>The balance after the step per the rules, or null when the ledger must refuse it (below zero).</summary>
    private static decimal? Expected(decimal balance, Step step) => step.Operation switch
    {
        Operation.Credit or Operation.Refund => balance + step.Days,
        Operation.Adjustment => step.Negative ? (balance >= step.Days ? balance - step.Days : null) : balance + step.Days,
        Operation.Deduction => balance >= step.Days ? balance - step.Days : null,
        Operation.CarryOver => Math.Floor(Math.Min(balance, step.Days) * 2) / 2,
        Operation.Expiry => balance - Math.Min(step.Days, balance),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };
}
