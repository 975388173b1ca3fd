using System.Globalization;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using Arkoa.Worker.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Jobs;

/// <summary>
/// Deletes the company's finished webhook and chat deliveries once a day (<see cref="WebhookRetention"/>): delivered
/// ones after 30 days, dead letters after 90 (configurable), their attempts with them (the foreign key cascades);
/// nothing waiting or retrying. The day's run is claimed in the same transaction as the deletes, so of two replicas one
/// deletes and the other finds the day done. docs/operations.md "Webhook delivery".
/// </summary>
public sealed class WebhookRetentionJob(ArkoaDbContext db, IOptions<WebhookOptions> options, ILogger<WebhookRetentionJob> logger) : ICompanyJob
{
    public const string JobName = "webhook-retention";

    public string Name => JobName;

    public Task<JobOutcome> RunAsync(Company company, DateOnly asOf, CancellationToken cancellationToken)
    {
        var period = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var retention = options.Value.Retention;
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(asOf.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(company.TimeZone));
        var deliveredBefore = retention.DeliveredBefore(dayStart);
        var deadBefore = retention.DeadBefore(dayStart);
        return db.InTransactionAsync(async ct =>
        {
            var runId = await db.TryClaimRunAsync(JobName, company.Id, period, ct);
            if (runId is null) return JobOutcome.AlreadyDone(company.Id, period);

            var delivered = await db.WebhookDeliveries
                .Where(d => d.CompanyId == company.Id && d.DeliveredAt != null && d.DeliveredAt < deliveredBefore)
                .ExecuteDeleteAsync(ct);
            var dead = await db.WebhookDeliveries
                .Where(d => d.CompanyId == company.Id && d.DeliveredAt == null && d.DeadAt != null && d.DeadAt < deadBefore)
                .ExecuteDeleteAsync(ct);
            var summary = $"{delivered} delivered before {deliveredBefore:yyyy-MM-dd} and {dead} dead letters before {deadBefore:yyyy-MM-dd} deleted";
            logger.LogInformation("Webhook retention {Day} for company {CompanyId}: {Summary}", period, company.Id, summary);
            await db.SetRunSummaryAsync(runId.Value, summary, ct);
            return new JobOutcome(company.Id, period, JobStatus.Done, summary);
        }, cancellationToken);
    }
}
