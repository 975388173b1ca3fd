using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>The passphrase the Worker encrypts backups with: the "backup-key" secret parameter.</summary>
public static class BackupKey
{
    public const string ParameterName = "backup-key";

    /// <summary>
    /// Running, the configured <c>Parameters:backup-key</c>, else one generated once and kept in <c>&lt;DataDir&gt;/backup-key</c>
    /// (a key generated anew at each start would make every earlier backup unreadable). Published, a secret without default
    /// that the operator provides and keeps apart from the backups (docs/operations.md).
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddBackupKey(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var configurationKey = $"Parameters:{ParameterName}";
        if (builder.ExecutionContext.IsRunMode && string.IsNullOrEmpty(builder.Configuration[configurationKey]))
        {
            builder.Configuration[configurationKey] = StoredSecret.LoadOrCreate(Path.Combine(dataDirectory, ParameterName));
        }
        return builder.AddParameter(ParameterName, secret: true);
    }
}
