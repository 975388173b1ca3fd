namespace Arkoa.Core.Tokens;

/// <summary>
/// The <c>Idempotency-Key</c> header of a write: 1 to <see cref="MaxLength"/> characters among letters, digits and
/// <c>-_.:</c> (a UUID, a ULID, "invoice-42:1"); a repeat within <see cref="Lifetime"/> by the same caller gets the
/// first answer again.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 128;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>
    /// The key as stored for a company API token's request: the records belong to a user (the token's creator), so the
    /// token's keys get their own space — never replaying the admin's own answers — and stay within <see cref="MaxLength"/>.
    /// </summary>
    public static string OfCompanyToken(Guid tokenId, string key) => $"cat:{tokenId:N}:{Security.SecureToken.Hash(key)}";
}
