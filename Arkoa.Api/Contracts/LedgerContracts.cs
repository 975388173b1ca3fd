using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>GET …/ledger/verify: whether every member's ledger holds, how much was checked, and where each broken one first breaks.</summary>
public sealed record LedgerVerificationResponse(bool Holds, int Members, long Entries, List<LedgerBreakResponse> Breaks)
{
    public static LedgerVerificationResponse From(LedgerReport report) => new(report.Holds, report.Members, report.Entries,
        report.Breaks.Select(b => new LedgerBreakResponse(b.MembershipId, b.Code, b.Sequence, b.EntryId, b.BalanceType)).ToList());
}

/// <summary>
/// The first break of one member's ledger: problem is hash-mismatch, previous-hash-mismatch or sequence-gap (at the entry
/// with that sequence and id) or balance-mismatch (that balance differs from the sum of its entries; no entry).
/// </summary>
public sealed record LedgerBreakResponse(Guid MembershipId, string Problem, long? Sequence, Guid? EntryId, LeaveType? BalanceType);

/// <summary>One member's ledger with its hash chain, for an offline check (format: docs/ledger-export.md).</summary>
public sealed record LedgerExport(
    string Format, Guid CompanyId, Guid MembershipId, DateTime ExportedAt, string Head,
    List<LedgerExportBalance> Balances, List<LedgerExportEntry> Entries);

public sealed record LedgerExportBalance(LeaveType Type, decimal RemainingDays);

/// <summary>An entry as hashed (createdAt in the canonical form) plus its reason, which the hash does not cover.</summary>
public sealed record LedgerExportEntry(
    long Sequence, Guid Id, LeaveType BalanceType, LeaveBalanceHistoryType Kind, decimal Change, Guid? ActorId, Guid? LeaveId,
    string CreatedAt, string? Reason, string PreviousHash, string Hash)
{
    public static LedgerExportEntry From(LedgerEntryWithReason row) => new(row.Entry.Sequence, row.Entry.Id, row.Entry.BalanceType,
        row.Entry.Kind, row.Entry.Change, row.Entry.ActorId, row.Entry.LeaveId, LedgerHash.Instant(row.Entry.CreatedAt), row.Reason,
        row.Entry.PreviousHash, row.Entry.Hash);
}
