using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Backups;

/// <summary>
/// What health and metrics say about backups. The last success is read from the folder (every *.dump there is verified,
/// and the folder is shared by the replicas); the last failure is known only to the process that ran it.
/// </summary>
public sealed class BackupStatus(IOptions<BackupOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly DateTime _startedAt = clock.GetUtcNow().UtcDateTime;
    private DateTime? _lastFailureAt;
    private string? _lastFailure;
    private DateTime? _lastSuccessAt;

    public DateTime StartedAt => _startedAt;

    public (DateTime At, string Error)? LastFailure
    {
        get { lock (_gate) return _lastFailureAt is { } at && (_lastSuccessAt is null || _lastSuccessAt < at) ? (at, _lastFailure!) : null; }
    }

    public BackupFiles.Entry? Newest() => options.Value.Enabled ? BackupFiles.List(options.Value.Directory!).FirstOrDefault() : null;

    public void Succeeded(BackupReport report)
    {
        lock (_gate) _lastSuccessAt = report.TakenAt;
        WorkerMetrics.BackupFinished("success", report.DurationSeconds);
    }

    public void Failed(DateTime at, double durationSeconds, string error)
    {
        lock (_gate)
        {
            _lastFailureAt = at;
            _lastFailure = error;
        }
        WorkerMetrics.BackupFinished("failure", durationSeconds);
    }
}
