using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Worker.Outbox;

/// <summary>
/// Counts the outbox backlog for arkoa_outbox_pending every few seconds. Scrapes read the last count, so however
/// often Prometheus (or several of them) scrapes, the database sees one small query per interval and replica.
/// </summary>
public sealed class OutboxBacklogMonitor(IServiceScopeFactory scopes, ILogger<OutboxBacklogMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ArkoaDbContext>();
                var pending = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.DeadAt == null, stoppingToken);
                WorkerMetrics.OutboxPending(pending);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away: keep the last count (its own alerts say so) and look again next time.
                logger.LogDebug(e, "Could not count the outbox backlog.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
