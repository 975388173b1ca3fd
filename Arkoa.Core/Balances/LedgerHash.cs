using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Arkoa.Core.Balances;

/// <summary>
/// The hash of a ledger entry: SHA-256 of its canonical form, lowercase hex. The database computes the same on insert
/// (function arkoa_ledger_entry_hash, migration LedgerHashChainAndBalanceSum) and tools/verify-ledger.py offline; the
/// form is documented in docs/ledger-export.md, so all three must change together (a new version name).
/// </summary>
public static class LedgerHash
{
    public const string Version = "arkoa-ledger-v1";

    /// <summary>Hex digits of a SHA-256.</summary>
    public const int Length = 64;

    /// <summary>The "previous hash" of a member's first entry.</summary>
    public static readonly string Genesis = new('0', Length);

    /// <summary>
    /// One field a line, UTF-8, no final newline: the version, entry id, membership id, sequence, balance type, kind,
    /// change (no trailing zeros, "-" for negative), actor id and leave id (empty when none), the creation instant in
    /// UTC to the microsecond, the previous hash. Ids are lowercase with hyphens.
    /// </summary>
    public static string CanonicalForm(LedgerEntry entry) => string.Join('\n',
        Version,
        entry.Id.ToString("D"),
        entry.MembershipId.ToString("D"),
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        entry.BalanceType.ToString(),
        entry.Kind.ToString(),
        Days(entry.Change),
        entry.ActorId?.ToString("D") ?? "",
        entry.LeaveId?.ToString("D") ?? "",
        Instant(entry.CreatedAt),
        entry.PreviousHash);

    public static string Of(LedgerEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(entry))));

    /// <summary>A day quantity as Postgres' trim_scale(numeric)::text writes it.</summary>
    public static string Days(decimal days) => days.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>An instant as the database stores it (microseconds), in UTC: 2027-01-04T09:30:00.123456Z.</summary>
    public static string Instant(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
