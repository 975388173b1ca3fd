using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>The passphrase the Worker encrypts backups with: the "backup-key" secret parameter.</summary>
public static class BackupKey
{
    public const string ParameterName = "backup-key";

    /// <summary>
    /// Kept across restarts (<see cref="StoredSecret.AddStoredSecret"/>): a new key would make every earlier backup
    /// unreadable. Published, the operator provides it and keeps it apart from the backups (docs/operations.md).
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddBackupKey(this IDistributedApplicationBuilder builder, string dataDirectory) =>
        builder.AddStoredSecret(ParameterName, dataDirectory);
}
