using System.Data;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Balances;

/// <summary>What checking a company's ledgers found: how much was checked and the first break of each broken member.</summary>
public sealed record LedgerReport(int Members, long Entries, IReadOnlyList<LedgerBreak> Breaks)
{
    public bool Holds => Breaks.Count == 0;
}

/// <summary>Reads ledgers from the database and checks them with <see cref="LedgerChain"/> (SPEC §2).</summary>
public static class LedgerVerification
{
    /// <summary>
    /// Checks every member of the company, in one snapshot (repeatable read) so that a change committed meanwhile
    /// cannot look like a balance that differs from its entries. Inside a caller's transaction, that one must be
    /// repeatable read.
    /// </summary>
    public static Task<LedgerReport> VerifyCompanyAsync(this ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        db.InSnapshotAsync(async ct =>
        {
            var members = await db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId)
                .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
            var balances = (await db.LeaveBalances.AsNoTracking()
                    .Where(b => db.Memberships.Any(m => m.Id == b.MembershipId && m.CompanyId == companyId))
                    .Select(b => new { b.MembershipId, b.Type, b.RemainingDays })
                    .ToListAsync(ct))
                .ToLookup(b => b.MembershipId, b => (b.Type, b.RemainingDays));
            var entries = (await db.LedgerEntries(db.LeaveBalanceHistory.Where(h => db.Memberships.Any(m => m.Id == h.MembershipId && m.CompanyId == companyId)))
                    .ToListAsync(ct))
                .ToLookup(e => e.MembershipId);

            var breaks = new List<LedgerBreak>();
            foreach (var membershipId in members.Union(entries.Select(g => g.Key)))
            {
                var memberBalances = balances[membershipId].ToDictionary(b => b.Type, b => b.RemainingDays);
                if (LedgerChain.FirstBreak(membershipId, entries[membershipId], memberBalances) is { } broken)
                {
                    breaks.Add(broken);
                }
            }
            return new LedgerReport(members.Count, entries.Sum(g => (long)g.Count()), breaks);
        }, cancellationToken);

    /// <summary>One member's entries in sequence order and their balances, from one snapshot (for the export).</summary>
    public static Task<(List<LedgerEntryWithReason> Entries, Dictionary<LeaveType, decimal> Balances)> MemberLedgerAsync(
        this ArkoaDbContext db, Guid membershipId, CancellationToken cancellationToken) =>
        db.InSnapshotAsync(async ct =>
        {
            var balances = await db.LeaveBalances.AsNoTracking().Where(b => b.MembershipId == membershipId)
                .ToDictionaryAsync(b => b.Type, b => b.RemainingDays, ct);
            var entries = await db.LeaveBalanceHistory.AsNoTracking().Where(h => h.MembershipId == membershipId)
                .OrderBy(h => h.Sequence)
                .Select(h => new LedgerEntryWithReason(
                    new LedgerEntry(h.Id, h.MembershipId, h.Sequence, h.LeaveBalance!.Type, h.Type, h.Change, h.ActorId, h.LeaveId,
                        h.CreatedAt, h.PreviousHash, h.Hash),
                    h.Reason))
                .ToListAsync(ct);
            return (entries, balances);
        }, cancellationToken);

    private static IQueryable<LedgerEntry> LedgerEntries(this ArkoaDbContext db, IQueryable<LeaveBalanceHistory> history) =>
        history.AsNoTracking().OrderBy(h => h.MembershipId).ThenBy(h => h.Sequence)
            .Select(h => new LedgerEntry(h.Id, h.MembershipId, h.Sequence, h.LeaveBalance!.Type, h.Type, h.Change, h.ActorId,
                h.LeaveId, h.CreatedAt, h.PreviousHash, h.Hash));

    private static Task<T> InSnapshotAsync<T>(this ArkoaDbContext db, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null ? read(cancellationToken) : db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var result = await read(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}

/// <summary>An entry with its free-text reason, which the export shows but the hash does not cover.</summary>
public sealed record LedgerEntryWithReason(LedgerEntry Entry, string? Reason);
