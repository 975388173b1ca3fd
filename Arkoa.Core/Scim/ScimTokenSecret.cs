using System.Security.Cryptography;
using Arkoa.Core.Security;
using Arkoa.Core.Tokens;

namespace Arkoa.Core.Scim;

/// <summary>
/// The secret of a company's SCIM token: <see cref="Prefix"/> then 43 random base62 characters (about 256 bits), built
/// like a personal API token's (<see cref="ApiTokenSecret"/>) but with its own prefix, so neither kind of token is ever
/// taken for the other and secret scanners can tell them apart. The database keeps only its SHA-256.
/// </summary>
public static class ScimTokenSecret
{
    public const string Prefix = "arkoa_scim_";

    public static string Create() => Prefix + RandomNumberGenerator.GetString(PrefixedSecret.Alphabet, ApiTokenSecret.RandomLength);

    public static bool HasPrefix(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsWellFormed(string value) =>
        value.Length == Prefix.Length + ApiTokenSecret.RandomLength && HasPrefix(value)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept(PrefixedSecret.Alphabet) < 0;

    /// <summary>SHA-256, as for API tokens: 256 random bits need no slow hash, and a fast one is looked up by index.</summary>
    public static string Hash(string secret) => SecureToken.Hash(secret);

    /// <summary>Compares a presented secret's hash with the stored one in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Hash(secret)), System.Text.Encoding.ASCII.GetBytes(storedHash));
}
