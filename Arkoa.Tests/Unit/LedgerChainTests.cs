using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

/// <summary>The canonical form of a ledger entry and the rules of a member's chain (SPEC §2, docs/ledger-export.md).</summary>
public sealed class LedgerChainTests
{
    private static readonly Guid Member = Guid.Parse("0193a5c0-0000-7000-8000-000000000001");

    [Fact]
    public void The_canonical_form_is_one_field_a_line_without_the_reason()
    {
        var entry = new LedgerEntry(Guid.Parse("0193a5c0-0000-7000-8000-00000000000a"), Member, 2, LeaveType.PAID,
            LeaveBalanceHistoryType.LEAVE_DEDUCTION, -2.50m, Guid.Parse("0193a5c0-0000-7000-8000-0000000000ff"), null,
            new DateTime(2027, 1, 4, 9, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567), LedgerHash.Genesis, "");

        Assert.Equal(
            "arkoa-ledger-v1\n0193a5c0-0000-7000-8000-00000000000a\n0193a5c0-0000-7000-8000-000000000001\n2\nPAID\nLEAVE_DEDUCTION\n-2.5\n" +
            "0193a5c0-0000-7000-8000-0000000000ff\n\n2027-01-04T09:30:00.123456Z\n" + new string('0', 64),
            LedgerHash.CanonicalForm(entry));
        // SHA-256 of exactly that text, as Python's hashlib computes it (tools/verify-ledger.py).
        Assert.Equal("b729d63561054fcc711847f0e23584d5fdc30836891e6c1d3299eeea0502ef8d", LedgerHash.Of(entry));
    }

    [Theory]
    [InlineData("12.00", "12")]
    [InlineData("-0.50", "-0.5")]
    [InlineData("100", "100")]
    [InlineData("0.25", "0.25")]
    public void Days_are_written_without_trailing_zeros_as_Postgres_trim_scale_does(string value, string expected) =>
        Assert.Equal(expected, LedgerHash.Days(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_whole_chain_whose_balances_add_up_holds()
    {
        var chain = Chain(5m, -2m, 0.5m);
        Assert.Null(LedgerChain.FirstBreak(Member, chain, new Dictionary<LeaveType, decimal> { [LeaveType.PAID] = 3.5m, [LeaveType.RTT] = 0 }));
    }

    [Fact]
    public void Each_kind_of_edit_is_found_at_the_first_entry_it_breaks()
    {
        var balances = new Dictionary<LeaveType, decimal> { [LeaveType.PAID] = 3.5m };
        var chain = Chain(5m, -2m, 0.5m);

        var changed = chain.Select((e, i) => i == 1 ? e with { Change = -1m } : e).ToList();
        Assert.Equal((LedgerProblem.HashMismatch, 2L), Where(LedgerChain.FirstBreak(Member, changed, balances)));

        var removed = chain.Where((_, i) => i != 1).ToList();
        Assert.Equal((LedgerProblem.SequenceGap, 3L), Where(LedgerChain.FirstBreak(Member, removed, balances)));

        var rehashed = chain.Select((e, i) => i == 1 ? Sealed(e with { Change = -1m }) : e).ToList();
        Assert.Equal((LedgerProblem.PreviousHashMismatch, 3L), Where(LedgerChain.FirstBreak(Member, rehashed, balances)));

        var broken = LedgerChain.FirstBreak(Member, chain.Take(2), balances);
        Assert.Equal((LedgerProblem.BalanceMismatch, (long?)null), (broken!.Problem, broken.Sequence));
        Assert.Equal(LeaveType.PAID, broken.BalanceType);
        Assert.Equal("balance-mismatch", broken.Code);
    }

    private static (LedgerProblem, long?) Where(LedgerBreak? broken) => (broken!.Problem, broken.Sequence);

    private static List<LedgerEntry> Chain(params decimal[] changes)
    {
        var entries = new List<LedgerEntry>();
        var previous = LedgerHash.Genesis;
        foreach (var change in changes)
        {
            var entry = Sealed(new LedgerEntry(Guid.CreateVersion7(), Member, entries.Count + 1, LeaveType.PAID,
                LeaveBalanceHistoryType.MANUEL_CREDIT, change, null, null, new DateTime(2027, 1, 4, 0, 0, 0, DateTimeKind.Utc), previous, ""));
            entries.Add(entry);
            previous = entry.Hash;
        }
        return entries;
    }

    private static LedgerEntry Sealed(LedgerEntry entry) => entry with { Hash = LedgerHash.Of(entry) };
}
