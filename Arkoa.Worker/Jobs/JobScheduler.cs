using Cronos;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Jobs;

/// <summary>
/// Runs the company jobs on their cron schedules, in each company's time zone. Every tick, for each company and job,
/// it takes the latest scheduled occurrence within the catch-up window and runs the job as of that occurrence's
/// local date (the job itself knows whether its period is due or done). Several replicas may do the same at once:
/// the run record's unique key lets exactly one of them apply a period.
/// </summary>
public sealed class JobScheduler(CompanyJobRunner runner, IOptions<JobOptions> options, TimeProvider clock, ILogger<JobScheduler> logger)
    : BackgroundService
{
    // (job, company, as-of) already handled by this process: spares the database a transaction per tick.
    private readonly HashSet<(string Job, Guid CompanyId, DateOnly AsOf)> _handled = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = Parse(options.Value.Schedules);
        if (schedules.Count == 0) return;
        using var timer = new PeriodicTimer(options.Value.TickInterval, clock);
        do
        {
            try
            {
                await TickAsync(schedules, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The job scheduler could not look for due runs; it tries again at the next tick.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }

    private async Task TickAsync(IReadOnlyList<(string Job, CronExpression Cron)> schedules, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now - options.Value.CatchUpWindow;
        _handled.RemoveWhere(h => h.AsOf < DateOnly.FromDateTime(from).AddDays(-2));

        foreach (var company in await runner.CompaniesAsync(companyId: null, cancellationToken))
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(company.TimeZone, out var zone))
            {
                logger.LogWarning("Company {CompanyId} has an unknown time zone {TimeZone}; its jobs are skipped.", company.Id, company.TimeZone);
                continue;
            }
            foreach (var (job, cron) in schedules)
            {
                var occurrence = cron.GetOccurrences(from, now, zone, fromInclusive: true, toInclusive: true).LastOrDefault();
                if (occurrence == default) continue;
                var asOf = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(occurrence, zone));
                if (_handled.Contains((job, company.Id, asOf))) continue;

                cancellationToken.ThrowIfCancellationRequested();
                var outcome = await runner.RunOneAsync(job, company, asOf, cancellationToken);
                if (outcome.Status != JobStatus.Failed) _handled.Add((job, company.Id, asOf));
            }
        }
    }

    /// <summary>Parses the configured schedules in the runner's job order; a bad expression stops the Worker at start.</summary>
    public static IReadOnlyList<(string Job, CronExpression Cron)> Parse(IReadOnlyDictionary<string, string> configured)
    {
        foreach (var name in configured.Keys.Where(k => !CompanyJobRunner.JobNames.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Jobs:Schedules:{name} names no job; known jobs: {string.Join(", ", CompanyJobRunner.JobNames)}.");
        }
        return CompanyJobRunner.JobNames
            .Where(job => configured.TryGetValue(job, out var expression) && !string.IsNullOrWhiteSpace(expression))
            .Select(job => (job, CronExpression.Parse(configured[job])))
            .ToList();
    }
}
