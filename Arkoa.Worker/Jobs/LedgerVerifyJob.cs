using System.Globalization;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Worker.Jobs;

/// <summary>
/// Checks every member's balance ledger of the company once a day (SPEC §2): chain, hashes, and balances equal to the
/// sum of their entries. It changes nothing; a broken ledger is reported in the run's summary, a warning and the
/// arkoa_ledger_broken_members_total metric, by ids only (no name, address or reason). What to do then:
/// docs/operations.md "A broken ledger".
/// </summary>
public sealed class LedgerVerifyJob(ArkoaDbContext db, ILogger<LedgerVerifyJob> logger) : ICompanyJob
{
    public const string JobName = "ledger-verify";

    public string Name => JobName;

    public Task<JobOutcome> RunAsync(Company company, DateOnly asOf, CancellationToken cancellationToken)
    {
        var period = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return db.InTransactionAsync(async ct =>
        {
            // One snapshot for the whole check, so a change committed meanwhile cannot look like a broken balance. A
            // concurrent claim of the same run is a serialization failure here, and the retry then finds it taken.
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", ct);
            var runId = await db.TryClaimRunAsync(JobName, company.Id, period, ct);
            if (runId is null) return JobOutcome.AlreadyDone(company.Id, period);

            var report = await db.VerifyCompanyAsync(company.Id, ct);
            var checkedText = $"{report.Members} members, {report.Entries} entries checked";
            string summary;
            if (report.Holds)
            {
                summary = $"{checkedText}: every ledger holds";
                logger.LogInformation("Ledger check {Day} for company {CompanyId}: {Summary}", period, company.Id, summary);
            }
            else
            {
                summary = $"{checkedText}: {report.Breaks.Count} broken: " + string.Join("; ", report.Breaks.Select(Describe));
                WorkerMetrics.LedgerBroken(report.Breaks.Count);
                logger.LogWarning("Ledger check {Day} for company {CompanyId}: {Broken} of {Members} members' ledgers are broken: {Breaks}",
                    period, company.Id, report.Breaks.Count, report.Members, string.Join("; ", report.Breaks.Select(Describe)));
            }
            await db.SetRunSummaryAsync(runId.Value, summary, ct);
            return new JobOutcome(company.Id, period, JobStatus.Done, summary);
        }, cancellationToken);
    }

    private static string Describe(LedgerBreak broken) => broken.Sequence is { } sequence
        ? $"membership {broken.MembershipId} {broken.Code} at entry {sequence} ({broken.EntryId})"
        : $"membership {broken.MembershipId} {broken.Code} ({broken.BalanceType})";
}
