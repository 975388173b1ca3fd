using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Worker.Jobs;

/// <summary>
/// The year change of SPEC §7, for the year of the "as of" date, on PAID balances. For each active member who joined
/// before 1 January of that year (later joiners were credited a prorated amount when they joined), with B = the PAID
/// balance left from last year, cap = carryOverMaxDays and carry = min(B, cap) rounded down to the half day, it writes:
/// <list type="number">
/// <item>CARRY_FORWARD −B: last year closed (when B &gt; 0);</item>
/// <item>CARRY_FORWARD +carry: what is carried over, until the expiry date (when carry &gt; 0);</item>
/// <item>AUTO_CREDIT +annualLeaveDays: this year's credit (when &gt; 0).</item>
/// </list>
/// The balance becomes carry + annualLeaveDays exactly; the B − carry days above the cap are gone. The +carry row is
/// what <see cref="CarryOverExpiryJob"/> later expires from. All of it, and the run record, commit in one transaction.
/// </summary>
public sealed class YearlyCreditJob(ArkoaDbContext db, BalanceLedger ledger, ILogger<YearlyCreditJob> logger) : ICompanyJob
{
    public const string JobName = "yearly-credit";

    public string Name => JobName;

    public static string PeriodOf(DateOnly asOf) => asOf.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task<JobOutcome> RunAsync(Company company, DateOnly asOf, CancellationToken cancellationToken)
    {
        var year = asOf.Year;
        var period = PeriodOf(asOf);
        var yearStart = new DateOnly(year, 1, 1);
        return db.InTransactionAsync(async ct =>
        {
            var runId = await db.TryClaimRunAsync(JobName, company.Id, period, ct);
            if (runId is null) return JobOutcome.AlreadyDone(company.Id, period);

            // The policy as it is now, read inside the transaction.
            var policy = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == company.Id, ct);
            var expiry = CarryOver.ExpiryDate(policy, year);
            var members = await db.Memberships.AsNoTracking()
                .Where(m => m.CompanyId == company.Id && m.Active && m.JoinedOn < yearStart)
                .OrderBy(m => m.Id) // one lock order for every job: two jobs on one company never deadlock
                .Select(m => m.Id)
                .ToListAsync(ct);

            decimal carriedTotal = 0, removedTotal = 0;
            foreach (var membershipId in members)
            {
                await db.LockMemberAsync(membershipId, ct);
                var paid = await ledger.GetOrCreateAsync(membershipId, LeaveType.PAID, ct);
                var left = paid.RemainingDays;
                var carry = Math.Floor(Math.Min(left, policy.CarryOverMaxDays) * 2) / 2;
                if (left > 0)
                {
                    Apply(paid, -left, LeaveBalanceHistoryType.CARRY_FORWARD, $"Year change {year}: {year - 1} closed with {left} days left",
                        new BalanceChangeFacts { Cause = BalanceChangeCause.YEAR_CLOSED, Year = year, Left = left });
                }
                if (carry > 0)
                {
                    Apply(paid, carry, LeaveBalanceHistoryType.CARRY_FORWARD,
                        $"Year change {year}: {carry} of the {left} days left from {year - 1} carried over (cap {policy.CarryOverMaxDays}); " +
                        $"unused carried days expire on {expiry:yyyy-MM-dd}",
                        new BalanceChangeFacts
                        {
                            Cause = BalanceChangeCause.CARRIED_OVER, Year = year, Carried = carry, Left = left, Cap = policy.CarryOverMaxDays, Date = expiry,
                        });
                }
                if (policy.AnnualLeaveDays > 0)
                {
                    Apply(paid, policy.AnnualLeaveDays, LeaveBalanceHistoryType.AUTO_CREDIT, $"Yearly credit {year}: {policy.AnnualLeaveDays} days",
                        new BalanceChangeFacts { Cause = BalanceChangeCause.YEARLY_CREDIT, Year = year, AnnualDays = policy.AnnualLeaveDays });
                }
                carriedTotal += carry;
                removedTotal += left - carry;
            }

            await db.SaveChangesAsync(ct);
            var summary = $"{members.Count} members credited {policy.AnnualLeaveDays} days for {year}; " +
                $"{carriedTotal} days carried over, {removedTotal} days above the cap removed";
            await db.SetRunSummaryAsync(runId.Value, summary, ct);
            logger.LogInformation("Yearly credit {Year} for company {CompanyId}: {Summary}", year, company.Id, summary);
            return new JobOutcome(company.Id, period, JobStatus.Done, summary);
        }, cancellationToken);
    }

    private void Apply(LeaveBalance balance, decimal change, LeaveBalanceHistoryType type, string reason, BalanceChangeFacts facts)
    {
        // Every change here keeps the balance ≥ 0 by construction; a refusal would mean a bug, so it must not pass silently.
        if (!ledger.TryApply(balance, change, type, actorId: null, leaveId: null, reason, facts))
        {
            throw new InvalidOperationException($"Balance {balance.Id} would go below zero ({balance.RemainingDays} {change:+0.##;-0.##}).");
        }
    }
}
