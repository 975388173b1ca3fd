using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Backups;

/// <summary>
/// Degraded when backups are off, when the last backup this process tried failed, or when the newest verified backup
/// is older than Backup:MaxAge (a fresh install without any backup yet is given that long to make its first).
/// </summary>
public sealed class BackupHealthCheck(BackupStatus status, IOptions<BackupOptions> options, TimeProvider clock) : IHealthCheck
{
    public const string Name = "backup";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.Problem is { } problem) return Task.FromResult(HealthCheckResult.Degraded(problem));

        var now = clock.GetUtcNow().UtcDateTime;
        var newest = status.Newest();
        var data = new Dictionary<string, object>();
        if (newest is not null)
        {
            data["newest"] = Path.GetFileName(newest.Path);
            data["newestTakenAt"] = newest.TakenAt;
            data["newestSizeBytes"] = newest.SizeBytes;
        }

        if (status.LastFailure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"The last backup, at {failure.At:u}, failed: {failure.Error}", data: data));
        }
        if (newest is null)
        {
            return Task.FromResult(now - status.StartedAt > settings.MaxAge
                ? HealthCheckResult.Degraded($"No verified backup in {settings.Directory}.", data: data)
                : HealthCheckResult.Healthy("No backup yet; the first one is due.", data));
        }
        return Task.FromResult(now - newest.TakenAt > settings.MaxAge
            ? HealthCheckResult.Degraded($"The newest verified backup is from {newest.TakenAt:u}, older than {settings.MaxAge}.", data: data)
            : HealthCheckResult.Healthy($"Newest verified backup: {Path.GetFileName(newest.Path)}.", data));
    }
}
