using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

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

    /// <summary>
    /// A secret parameter that must outlive restarts (a key that encrypts what is kept): running, the configured
    /// <c>Parameters:&lt;name&gt;</c>, else one generated once and kept in <c>&lt;DataDir&gt;/&lt;name&gt;</c> (a key
    /// generated anew at each start would make everything encrypted earlier unreadable). Published, a secret without
    /// default that the operator provides.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddStoredSecret(this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var configurationKey = $"Parameters:{name}";
        if (builder.ExecutionContext.IsRunMode && string.IsNullOrEmpty(builder.Configuration[configurationKey]))
        {
            builder.Configuration[configurationKey] = LoadOrCreate(Path.Combine(dataDirectory, name));
        }
        return builder.AddParameter(name, secret: true);
    }
}
