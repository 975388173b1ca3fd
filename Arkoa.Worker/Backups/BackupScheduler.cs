using System.Globalization;
using Arkoa.Core.Data;
using Arkoa.Worker.Jobs;
using Cronos;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Backups;

/// <summary>
/// Takes the scheduled backups. Each occurrence of Backup:Schedule (missed ones within the last day included) is
/// claimed first as a run record ("backup", no company, the occurrence), committed on its own, so that with several
/// replicas exactly one takes it. A failed or interrupted backup is not retried before the next occurrence: health and
/// the arkoa_backup_last_success_timestamp_seconds metric show it, and an operator can run one on demand.
/// </summary>
public sealed class BackupScheduler(IServiceScopeFactory scopes, BackupRunner runner, IOptions<BackupOptions> options,
    IOptions<JobOptions> jobOptions, TimeProvider clock, ILogger<BackupScheduler> logger) : BackgroundService
{
    public const string JobName = "backup";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Problem is { } problem)
        {
            logger.LogWarning("{Problem}", problem);
            return;
        }
        if (string.IsNullOrWhiteSpace(settings.Schedule)) return;
        var cron = CronExpression.Parse(settings.Schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        DateTime? handled = null;

        using var timer = new PeriodicTimer(jobOptions.Value.TickInterval, clock);
        do
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var occurrence = cron.GetOccurrences(now - jobOptions.Value.CatchUpWindow, now, zone, fromInclusive: true, toInclusive: true).LastOrDefault();
            if (occurrence == default || occurrence == handled) continue;
            try
            {
                if (await ClaimAsync(occurrence, stoppingToken))
                {
                    await runner.RunAsync(waitIfBusy: false, stoppingToken);
                }
                handled = occurrence;
            }
            catch (BackupBusyException)
            {
                handled = occurrence; // an on-demand backup is running right now: that one serves
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                handled = occurrence; // logged and reported by the runner (or a database failure, logged here)
                logger.LogWarning(e, "Scheduled backup of {Occurrence:u} did not complete.", occurrence);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }

    private async Task<bool> ClaimAsync(DateTime occurrence, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArkoaDbContext>();
        var period = occurrence.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        return await db.InTransactionAsync(async ct => await db.TryClaimRunAsync(JobName, companyId: null, period, ct) is not null, cancellationToken);
    }
}
