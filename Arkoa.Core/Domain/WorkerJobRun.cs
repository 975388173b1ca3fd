namespace Arkoa.Core.Domain;

/// <summary>
/// One completed (or claimed) run of a Worker job for one period, e.g. ("yearly-credit", company, "2027").
/// The unique key (job, company, period) is what makes a job idempotent and safe with several Worker
/// replicas: the run row is inserted in the same transaction as the job's effects, so a second run finds it.
/// </summary>
public sealed class WorkerJobRun : Entity
{
    public const int JobMaxLength = 40;
    public const int PeriodMaxLength = 40;
    public const int SummaryMaxLength = 500;

    public required string Job { get; set; }

    /// <summary>The company the run was for; null for system-wide jobs (backups).</summary>
    public Guid? CompanyId { get; set; }

    /// <summary>The period the run covers, in the job's own terms: "2027", "2027-03-31", "2026-11-26T02:30Z".</summary>
    public required string Period { get; set; }

    /// <summary>What the run did, for operators ("12 members credited").</summary>
    public string? Summary { get; set; }
}
