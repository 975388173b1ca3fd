using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Backups;

/// <summary>
/// What health and metrics say about backups. The last success is read from the folder (every backup file there is verified,
/// and the folder is shared by the replicas); the last failure is known only to the process that ran it.
/// </summary>
public sealed class BackupStatus(IOptions<BackupOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly DateTime _startedAt = clock.GetUtcNow().UtcDateTime;
    private (DateTime At, string Error)? _lastFailure;

    public DateTime StartedAt => _startedAt;

    /// <summary>The failure of the last backup this process tried, if it failed (a later success clears it, whatever the clocks say).</summary>
    public (DateTime At, string Error)? LastFailure
    {
        get { lock (_gate) return _lastFailure; }
    }

    public BackupFiles.Entry? Newest() => options.Value.HasDirectory ? BackupFiles.List(options.Value.Directory!).FirstOrDefault() : null;

    public void Succeeded(BackupReport report)
    {
        lock (_gate) _lastFailure = null;
        WorkerMetrics.BackupFinished("success", report.DurationSeconds);
    }

    public void Failed(DateTime at, double durationSeconds, string error)
    {
        lock (_gate) _lastFailure = (at, error);
        WorkerMetrics.BackupFinished("failure", durationSeconds);
    }
}
