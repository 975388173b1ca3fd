using System.Security.Cryptography;
using System.Text;

namespace Arkoa.Core.Security;

/// <summary>
/// Random bearer secrets (sessions, e-mail links). The raw value goes to the user once;
/// the database keeps only its SHA-256, so a leaked table cannot be replayed.
/// </summary>
public static class SecureToken
{
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
