using System.Security.Cryptography;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>A secret generated once on this machine and kept in a file only its owner can read.</summary>
public static class StoredSecret
{
    /// <summary>The file's content; a new random value (48 hex digits) is written first when the file does not exist.</summary>
    public static string LoadOrCreate(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        if (File.Exists(file)) return File.ReadAllText(file).Trim();

        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        File.WriteAllText(file, secret);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }
}
