using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Arkoa.Core.MailDecisions;

/// <summary>
/// Signs and reads the token of a <see cref="DecisionLink"/>: version byte, leave id, approver's membership id,
/// fingerprint and expiry, followed by their HMAC-SHA256, in base64url. Nothing is stored per link: the signature
/// proves Arkoa made it, the expiry and fingerprint end it. The key is derived (HKDF-SHA256) from the deployment's
/// <c>mail-link-key</c> secret parameter, which the Worker (signing the mails) and the Api (deciding) receive.
/// </summary>
public sealed class DecisionLinkSigner
{
    public const string KeySetting = "DecisionLinks:SecretKey";
    public const int MinimumKeyLength = 32;
    private const byte FormatVersion = 1;
    private const int PayloadLength = 1 + 16 + 16 + 8 + 8;
    private const int MacLength = 32;

    private readonly byte[] _key;

    public DecisionLinkSigner(string passphrase)
    {
        if (string.IsNullOrEmpty(passphrase) || passphrase.Length < MinimumKeyLength)
        {
            throw new InvalidOperationException($"{KeySetting} must be set to at least {MinimumKeyLength} characters (the mail-link-key secret).");
        }
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(passphrase), 32,
            salt: [], info: Encoding.ASCII.GetBytes("arkoa mail decision links v1"));
    }

    public string Sign(DecisionLink link)
    {
        var token = new byte[PayloadLength + MacLength];
        token[0] = FormatVersion;
        link.LeaveId.TryWriteBytes(token.AsSpan(1, 16));
        link.ApproverMembershipId.TryWriteBytes(token.AsSpan(17, 16));
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(33, 8), link.Fingerprint);
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(41, 8), DateTime.SpecifyKind(link.ExpiresAt, DateTimeKind.Utc).Ticks);
        HMACSHA256.HashData(_key, token.AsSpan(0, PayloadLength), token.AsSpan(PayloadLength));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The link the token stands for, or why not: <see cref="DecisionLinkErrors.Invalid"/> or <see cref="DecisionLinkErrors.Expired"/> at <paramref name="now"/>.</summary>
    public (DecisionLink? Link, Domain.DomainError? Error) Read(string? token, DateTime now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return (null, DecisionLinkErrors.Invalid);
        var bytes = new byte[PayloadLength + MacLength];
        // DecodeFromChars reports bad input as a status (TryDecodeFromChars throws on a character outside the alphabet).
        var status = Base64Url.DecodeFromChars(token, bytes, out var consumed, out var written);
        if (status != System.Buffers.OperationStatus.Done || consumed != token.Length || written != bytes.Length || bytes[0] != FormatVersion)
        {
            return (null, DecisionLinkErrors.Invalid);
        }
        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(_key, bytes.AsSpan(0, PayloadLength), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadLength))) return (null, DecisionLinkErrors.Invalid);

        var link = new DecisionLink(new Guid(bytes.AsSpan(1, 16)), new Guid(bytes.AsSpan(17, 16)),
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(33, 8)),
            new DateTime(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(41, 8)), DateTimeKind.Utc));
        return link.ExpiresAt <= now ? (null, DecisionLinkErrors.Expired) : (link, null);
    }
}
