using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;

namespace Arkoa.Worker.Backups;

/// <summary>
/// Backups are OpenPGP files (RFC 4880) encrypted with a passphrase: AES-256 with an integrity check (MDC), the key derived
/// by the iterated and salted S2K with SHA-256, written by BouncyCastle. A standard format rather than a framing of our own:
/// <c>gpg --decrypt</c> reads them on any machine, which is what an operator has at hand on the worst day
/// (docs/operations.md), and the Worker needs no gpg binary or agent. The dump streams through: no plain copy touches the disk.
/// </summary>
public static class BackupEncryption
{
    private const int BufferSize = 1 << 16;

    public static async Task EncryptAsync(Stream plain, Stream destination, string passphrase, CancellationToken cancellationToken)
    {
        var generator = new PgpEncryptedDataGenerator(SymmetricKeyAlgorithmTag.Aes256, withIntegrityPacket: true, new SecureRandom());
        generator.AddMethodUtf8(passphrase.ToCharArray(), HashAlgorithmTag.Sha256);
        await using var encrypted = generator.Open(destination, new byte[BufferSize]);
        // pg_dump's custom format is compressed already: no OpenPGP compression layer.
        await using var literal = new PgpLiteralDataGenerator().Open(encrypted, PgpLiteralData.Binary, "arkoa.dump", DateTime.UtcNow, new byte[BufferSize]);
        await plain.CopyToAsync(literal, BufferSize, cancellationToken);
    }

    /// <summary>
    /// Writes the plain content of <paramref name="encrypted"/> to <paramref name="destination"/>; throws when the
    /// passphrase is wrong or when the content was altered (checked once all of it is read).
    /// </summary>
    public static async Task DecryptAsync(Stream encrypted, Stream destination, string passphrase, CancellationToken cancellationToken)
    {
        var packets = new PgpObjectFactory(PgpUtilities.GetDecoderStream(encrypted));
        var next = packets.NextPgpObject();
        if (next is PgpMarker) next = packets.NextPgpObject();
        var data = (next as PgpEncryptedDataList)?.GetEncryptedDataObjects().OfType<PgpPbeEncryptedData>().FirstOrDefault()
            ?? throw new InvalidDataException("This is not a passphrase-encrypted OpenPGP file.");
        await using (var clear = data.GetDataStreamUtf8(passphrase.ToCharArray()))
        {
            var content = new PgpObjectFactory(clear).NextPgpObject() as PgpLiteralData
                ?? throw new InvalidDataException("The encrypted file holds no data.");
            await content.GetInputStream().CopyToAsync(destination, BufferSize, cancellationToken);
        }
        if (!data.IsIntegrityProtected() || !data.Verify()) throw new InvalidDataException("The encrypted file was altered: its integrity check fails.");
    }
}
