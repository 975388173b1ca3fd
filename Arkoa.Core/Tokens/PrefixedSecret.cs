using System.Security.Cryptography;
using Arkoa.Core.Security;

namespace Arkoa.Core.Tokens;

/// <summary>
/// The shape of Arkoa's bearer secrets: a prefix naming the kind (<c>arkoa_pat_</c>, <c>arkoa_cat_</c>) then 43
/// random base62 characters (about 256 bits), like GitHub's <c>ghp_</c> tokens, so secret scanners and people recognise
/// a leaked one and the Api tells the kinds apart without a lookup. The database keeps only its SHA-256.
/// </summary>
public sealed class PrefixedSecret(string prefix)
{
    public const int RandomLength = 43;
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public string Prefix { get; } = prefix;

    public string Create() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    /// <summary>Whether <paramref name="value"/> claims to be of this kind (it may still be wrong, expired or revoked).</summary>
    public bool HasPrefix(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="value"/> has the exact shape of a secret <see cref="Create"/> makes.</summary>
    public bool IsWellFormed(string value) =>
        value.Length == Prefix.Length + RandomLength && HasPrefix(value)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>
    /// A plain SHA-256, not a slow password hash: the secret is 256 random bits, so nobody can guess it from its hash
    /// by trying candidates (that is what PBKDF2 slows down for low-entropy passwords), and a fast hash lets every
    /// request look its token up by an index instead of spending 100 ms per call.
    /// </summary>
    public static string Hash(string secret) => SecureToken.Hash(secret);
}
