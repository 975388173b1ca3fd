extern alias ArkoaWorker;

using ArkoaWorker::Arkoa.Worker.Backups;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Arkoa.Tests.Unit;

public sealed class BackupEncryptionTests
{
    private const string Key = "0123456789abcdef0123456789abcdef-key";

    private static async Task<byte[]> EncryptAsync(byte[] plain, string key = Key)
    {
        using var encrypted = new MemoryStream();
        await BackupEncryption.EncryptAsync(new MemoryStream(plain), encrypted, key, CancellationToken.None);
        return encrypted.ToArray();
    }

    private static async Task<byte[]> DecryptAsync(byte[] encrypted, string key = Key)
    {
        using var plain = new MemoryStream();
        await BackupEncryption.DecryptAsync(new MemoryStream(encrypted), plain, key, CancellationToken.None);
        return plain.ToArray();
    }

    private static byte[] Dump()
    {
        var dump = new byte[300_000];
        new Random(42).NextBytes(dump);
        "PGDMP"u8.CopyTo(dump); // what pg_dump's custom format starts with
        return dump;
    }

    [Fact]
    public async Task What_is_encrypted_comes_back_with_the_key_and_shows_nothing_without_it()
    {
        var dump = Dump();

        var encrypted = await EncryptAsync(dump);

        Assert.DoesNotContain("PGDMP", System.Text.Encoding.Latin1.GetString(encrypted));
        Assert.Equal(dump, await DecryptAsync(encrypted));
        await Assert.ThrowsAnyAsync<PgpException>(() => DecryptAsync(encrypted, Key + "x"));
    }

    [Fact]
    public async Task Two_encryptions_of_the_same_dump_differ()
    {
        var dump = Dump();
        Assert.NotEqual(await EncryptAsync(dump), await EncryptAsync(dump)); // a fresh salt and session key each time
    }

    [Fact]
    public async Task A_changed_byte_in_the_file_is_found()
    {
        var encrypted = await EncryptAsync(Dump());
        encrypted[encrypted.Length / 2] ^= 0x01;

        await Assert.ThrowsAnyAsync<Exception>(() => DecryptAsync(encrypted));
    }
}
