using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Worker.Jobs;

public static class JobRuns
{
    /// <summary>
    /// Claims (job, company, period) inside the caller's transaction: the insert either wins the unique key or
    /// finds it taken. A concurrent claimer (another replica, a second trigger) blocks on the key until the first
    /// transaction ends, then sees it taken; if the first rolled back, the second claims it. Returns the run's id,
    /// or null when the period was already claimed.
    /// </summary>
    public static async Task<Guid?> TryClaimRunAsync(
        this ArkoaDbContext db, string job, Guid? companyId, string period, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO worker_job_runs (id, job, company_id, period, created_at, updated_at)
            VALUES ({id}, {job}, {companyId}, {period}, {now}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return inserted == 1 ? id : null;
    }

    public static Task SetRunSummaryAsync(this ArkoaDbContext db, Guid runId, string summary, CancellationToken cancellationToken)
    {
        var text = summary.Length <= Core.Domain.WorkerJobRun.SummaryMaxLength ? summary : summary[..Core.Domain.WorkerJobRun.SummaryMaxLength];
        return db.Database.ExecuteSqlAsync($"UPDATE worker_job_runs SET summary = {text} WHERE id = {runId}", cancellationToken);
    }
}
