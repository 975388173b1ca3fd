using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Worker.Jobs;

/// <summary>
/// Expires what is left of the days carried over into the "as of" year, on the company's carryOverExpiresOn date of
/// that year (due when asOf ≥ that date, and only after that year's <see cref="YearlyCreditJob"/> ran).
/// Days taken are consumed from carried-over days first: for each member with a carry-over row (+carry) it counts
/// taken = the PAID days of the member's PENDING or APPROVED leaves requested since the year change, counted on the
/// dates before the expiry date only; it then writes EXPIRATION −min(max(carry − taken, 0), balance).
/// Leaves requested before the year change were paid from last year's balance, before the carry was computed, so
/// they do not count again. Rejected or canceled leaves were refunded and do not count.
/// </summary>
public sealed class CarryOverExpiryJob(ArkoaDbContext db, BalanceLedger ledger, ILogger<CarryOverExpiryJob> logger) : ICompanyJob
{
    public const string JobName = "carry-over-expiry";

    public string Name => JobName;

    public Task<JobOutcome> RunAsync(Company company, DateOnly asOf, CancellationToken cancellationToken)
    {
        var year = asOf.Year;
        var period = YearlyCreditJob.PeriodOf(asOf);
        return db.InTransactionAsync(async ct =>
        {
            var policy = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == company.Id, ct);
            var expiry = CarryOver.ExpiryDate(policy, year);
            if (asOf < expiry)
            {
                return new JobOutcome(company.Id, period, JobStatus.NotDue, $"Carried-over days expire on {expiry:yyyy-MM-dd}.");
            }
            var yearChange = await db.WorkerJobRuns.AsNoTracking()
                .SingleOrDefaultAsync(r => r.Job == YearlyCreditJob.JobName && r.CompanyId == company.Id && r.Period == period, ct);
            if (yearChange is null)
            {
                return new JobOutcome(company.Id, period, JobStatus.NotDue, $"The {year} year change has not run yet.");
            }

            var runId = await db.TryClaimRunAsync(JobName, company.Id, period, ct);
            if (runId is null) return JobOutcome.AlreadyDone(company.Id, period);

            // The carry-over rows the year change wrote (system rows, positive, from that run on).
            var carries = await db.LeaveBalanceHistory.AsNoTracking()
                .Where(h => h.Type == LeaveBalanceHistoryType.CARRY_FORWARD && h.ActorId == null && h.Change > 0
                    && h.CreatedAt >= yearChange.CreatedAt
                    && h.LeaveBalance!.Type == LeaveType.PAID
                    && db.Memberships.Any(m => m.Id == h.LeaveBalance.MembershipId && m.CompanyId == company.Id))
                .Select(h => new { h.LeaveBalance!.MembershipId, h.Change })
                .ToListAsync(ct);

            var holidays = await db.CompanyHolidays.AsNoTracking()
                .Where(h => h.CompanyId == company.Id && h.Date >= new DateOnly(year, 1, 1) && h.Date < expiry)
                .Select(h => h.Date).ToListAsync(ct);
            var counter = LeaveDayCounter.For(policy, holidays);

            decimal expiredTotal = 0;
            var expiredMembers = 0;
            foreach (var carry in carries.GroupBy(c => c.MembershipId).OrderBy(g => g.Key))
            {
                var membershipId = carry.Key;
                var carried = carry.Sum(c => c.Change);
                await db.LockMemberAsync(membershipId, ct);
                var leaves = await db.Leaves.AsNoTracking()
                    .Where(l => l.MembershipId == membershipId && l.Type == LeaveType.PAID
                        && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                        && l.CreatedAt > yearChange.CreatedAt && l.StartDate < expiry)
                    .ToListAsync(ct);
                var taken = leaves.Sum(l => l.EndDate < expiry
                    ? l.Days
                    : counter.Count(l.StartDate, expiry.AddDays(-1), l.StartHalf, endHalf: null));

                var paid = await ledger.GetOrCreateAsync(membershipId, LeaveType.PAID, ct);
                var expire = Math.Min(Math.Max(carried - taken, 0), paid.RemainingDays);
                if (expire <= 0) continue;
                if (!ledger.TryApply(paid, -expire, LeaveBalanceHistoryType.EXPIRATION, actorId: null, leaveId: null,
                        $"Carried-over days from {year - 1} unused before {expiry:yyyy-MM-dd}: {expire} of {carried} expire ({taken} taken since the year change)",
                        new BalanceChangeFacts
                        {
                            Cause = BalanceChangeCause.CARRY_OVER_EXPIRED, Year = year, Date = expiry, Expired = expire, Carried = carried, Taken = taken,
                        }))
                {
                    throw new InvalidOperationException($"Balance {paid.Id} would go below zero.");
                }
                expiredTotal += expire;
                expiredMembers++;
            }

            await db.SaveChangesAsync(ct);
            var summary = $"{expiredTotal} carried-over days expired for {expiredMembers} of {carries.Select(c => c.MembershipId).Distinct().Count()} members";
            await db.SetRunSummaryAsync(runId.Value, summary, ct);
            logger.LogInformation("Carry-over expiry {Year} for company {CompanyId}: {Summary}", year, company.Id, summary);
            return new JobOutcome(company.Id, period, JobStatus.Done, summary);
        }, cancellationToken);
    }
}
