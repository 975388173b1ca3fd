using Arkoa.Core.Domain;

namespace Arkoa.Worker.Jobs;

/// <summary>
/// A job that runs once per company and period. <see cref="RunAsync"/> takes an explicit "as of" date (company-local),
/// is idempotent (a period already run changes nothing) and safe when several Worker replicas run it at once.
/// </summary>
public interface ICompanyJob
{
    /// <summary>The name used in schedules, run records and the /ops/jobs/{job} endpoint.</summary>
    string Name { get; }

    Task<JobOutcome> RunAsync(Company company, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>What one run did for one company.</summary>
public sealed record JobOutcome(Guid CompanyId, string Period, JobStatus Status, string Summary)
{
    public static JobOutcome AlreadyDone(Guid companyId, string period) =>
        new(companyId, period, JobStatus.AlreadyDone, "This period was already run; nothing changed.");
}

public enum JobStatus
{
    /// <summary>The period was run now.</summary>
    Done,

    /// <summary>The period had been run before: nothing changed.</summary>
    AlreadyDone,

    /// <summary>The period is not due at this "as of" date (or depends on one not run yet): nothing changed.</summary>
    NotDue,

    /// <summary>The run failed and rolled back; it will be tried again.</summary>
    Failed,
}
