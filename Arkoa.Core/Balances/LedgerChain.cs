using Arkoa.Core.Domain;

namespace Arkoa.Core.Balances;

/// <summary>Why a member's ledger does not hold; the wire names are the kebab-case of these.</summary>
public enum LedgerProblem
{
    /// <summary>The entry's content no longer gives its stored hash: it was changed.</summary>
    HashMismatch,

    /// <summary>The entry does not name the hash of the entry before it: an entry before it was removed, added or changed.</summary>
    PreviousHashMismatch,

    /// <summary>The sequence skips or repeats a number: an entry is missing or was inserted.</summary>
    SequenceGap,

    /// <summary>A balance differs from the sum of its entries (e.g. the last entry was removed).</summary>
    BalanceMismatch,
}

/// <summary>The first place a member's ledger breaks.</summary>
public sealed record LedgerBreak(Guid MembershipId, LedgerProblem Problem, long? Sequence, Guid? EntryId, LeaveType? BalanceType)
{
    public string Code => Problem switch
    {
        LedgerProblem.HashMismatch => "hash-mismatch",
        LedgerProblem.PreviousHashMismatch => "previous-hash-mismatch",
        LedgerProblem.SequenceGap => "sequence-gap",
        LedgerProblem.BalanceMismatch => "balance-mismatch",
        _ => throw new ArgumentOutOfRangeException(nameof(Problem)),
    };
}

/// <summary>Checks one member's ledger: the chain of entries and the balances it adds up to.</summary>
public static class LedgerChain
{
    /// <summary>
    /// The first break of the member's chain, walking <paramref name="entries"/> in sequence order: sequences 1, 2, 3…,
    /// each entry naming the hash of the one before (<see cref="LedgerHash.Genesis"/> for the first) and giving its
    /// own hash again; then each balance against the sum of its entries. Null when all of it holds.
    /// </summary>
    public static LedgerBreak? FirstBreak(Guid membershipId, IEnumerable<LedgerEntry> entries, IReadOnlyDictionary<LeaveType, decimal> balances)
    {
        var expectedSequence = 1L;
        var previousHash = LedgerHash.Genesis;
        var sums = new Dictionary<LeaveType, decimal>();
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Sequence != expectedSequence) return Break(LedgerProblem.SequenceGap, entry);
            if (entry.PreviousHash != previousHash) return Break(LedgerProblem.PreviousHashMismatch, entry);
            if (LedgerHash.Of(entry) != entry.Hash) return Break(LedgerProblem.HashMismatch, entry);
            sums[entry.BalanceType] = sums.GetValueOrDefault(entry.BalanceType) + entry.Change;
            previousHash = entry.Hash;
            expectedSequence++;
        }
        foreach (var type in balances.Keys.Union(sums.Keys).Order())
        {
            if (balances.GetValueOrDefault(type) != sums.GetValueOrDefault(type))
            {
                return new LedgerBreak(membershipId, LedgerProblem.BalanceMismatch, null, null, type);
            }
        }
        return null;

        LedgerBreak Break(LedgerProblem problem, LedgerEntry entry) => new(membershipId, problem, entry.Sequence, entry.Id, entry.BalanceType);
    }
}
