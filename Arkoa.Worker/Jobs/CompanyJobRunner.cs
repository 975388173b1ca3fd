using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Worker.Jobs;

/// <summary>Runs a company job for every company (or one), each in its own scope and transaction.</summary>
public sealed class CompanyJobRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CompanyJobRunner> logger)
{
    /// <summary>
    /// In the order the scheduler runs them: the year change before the expiry that depends on it, escalation before the
    /// digest, which then lists a request to those it was passed on to.
    /// </summary>
    public static readonly IReadOnlyList<string> JobNames =
        [YearlyCreditJob.JobName, CarryOverExpiryJob.JobName, StepEscalationJob.JobName, PendingDigestJob.JobName, LedgerVerifyJob.JobName,
        WebhookRetentionJob.JobName];

    /// <summary>
    /// Companies with what the scheduler and the runner need (the logo is not loaded); the jobs read the policy
    /// again inside their transaction.
    /// </summary>
    public async Task<List<Company>> CompaniesAsync(Guid? companyId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArkoaDbContext>();
        return await db.Companies.AsNoTracking()
            .Where(c => companyId == null || c.Id == companyId)
            .OrderBy(c => c.Id)
            .Select(c => new Company { Id = c.Id, Name = c.Name, TimeZone = c.TimeZone })
            .ToListAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="job"/> for each company; without <paramref name="asOf"/>, as of each company's today.</summary>
    public async Task<List<JobOutcome>> RunAsync(string job, DateOnly? asOf, Guid? companyId, CancellationToken cancellationToken)
    {
        var outcomes = new List<JobOutcome>();
        foreach (var company in await CompaniesAsync(companyId, cancellationToken))
        {
            outcomes.Add(await RunOneAsync(job, company, asOf ?? CompanyClock.Today(company, clock), cancellationToken));
        }
        return outcomes;
    }

    /// <summary>One company: a failure rolls that company's run back and is reported, the others go on.</summary>
    public async Task<JobOutcome> RunOneAsync(string job, Company company, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instance = scope.ServiceProvider.GetRequiredKeyedService<ICompanyJob>(job);
        try
        {
            var outcome = await instance.RunAsync(company, asOf, cancellationToken);
            WorkerMetrics.JobRun(job, outcome.Status);
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {Job} as of {AsOf} failed for company {CompanyId}; nothing was changed.", job, asOf, company.Id);
            WorkerMetrics.JobRun(job, JobStatus.Failed);
            return new JobOutcome(company.Id, asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                JobStatus.Failed, e.Message);
        }
    }
}
