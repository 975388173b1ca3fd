using System.Security.Cryptography;
using System.Text;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// Keeps webhook secrets encrypted at rest. Unlike an API token's, the secret cannot be only hashed: the Worker needs
/// it to sign every delivery. AES-256-GCM with a key derived (HKDF-SHA256) from the deployment's <c>webhook-key</c>
/// secret parameter, which the Api and the Worker receive and the database never holds, so a copy of the database or
/// of a backup alone reveals no secret. Not ASP.NET Core Data Protection with keys in Redis (as the Web's cookies):
/// Redis is not backed up, and losing its keys would lose every endpoint's secret, not just sessions. The endpoint's id
/// is the associated data, so a ciphertext copied onto another endpoint's row does not decrypt.
/// </summary>
public sealed class WebhookSecretProtector
{
    /// <summary>The configuration key of the passphrase (the AppHost's "webhook-key" parameter).</summary>
    public const string KeySetting = "Webhooks:SecretKey";
    public const int MinimumKeyLength = 32;
    private const string Version = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public WebhookSecretProtector(string passphrase)
    {
        if (string.IsNullOrEmpty(passphrase) || passphrase.Length < MinimumKeyLength)
        {
            throw new InvalidOperationException($"{KeySetting} must be set to at least {MinimumKeyLength} characters (the webhook-key secret).");
        }
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(passphrase), 32,
            salt: [], info: Encoding.ASCII.GetBytes("arkoa webhook secrets v1"));
    }

    public string Protect(string secret, Guid endpointId)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), endpointId.ToByteArray());
        return Version + Convert.ToBase64String(output);
    }

    /// <summary>The secret, or a <see cref="CryptographicException"/> when the key or the endpoint is not the one it was sealed with.</summary>
    public string Unprotect(string encrypted, Guid endpointId)
    {
        if (!encrypted.StartsWith(Version, StringComparison.Ordinal)) throw new CryptographicException("Unknown webhook secret format.");
        var input = Convert.FromBase64String(encrypted[Version.Length..]);
        if (input.Length < NonceSize + TagSize) throw new CryptographicException("Truncated webhook secret.");
        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, endpointId.ToByteArray());
        return Encoding.UTF8.GetString(plain);
    }
}
