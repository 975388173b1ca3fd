using Arkoa.Core.Approvals;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Jobs;

/// <summary>
/// Once per company and day ("as of" date): one mail per active manager listing the company's requests still waiting
/// after <see cref="JobOptions.PendingDigestMinimumAge"/> (48 h), oldest first: PENDING leaves, and open requests to
/// cancel an approved leave (issue 14 §8), which wait on a manager just the same; a manager's own requests are left out of
/// their mail, since they may not decide them. A request following an approval chain is listed to the approvers its
/// current step waits for instead (SPEC §11). The mails are outbox rows written in the
/// same transaction as the run record, so a day's digest is queued exactly once; a day with nothing old pending is
/// recorded too, and sends nothing.
/// </summary>
public sealed class PendingDigestJob(ArkoaDbContext db, TimeProvider clock, IOptions<JobOptions> options, ILogger<PendingDigestJob> logger)
    : ICompanyJob
{
    public const string JobName = "pending-digest";

    public string Name => JobName;

    public Task<JobOutcome> RunAsync(Company company, DateOnly asOf, CancellationToken cancellationToken)
    {
        var period = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return db.InTransactionAsync(async ct =>
        {
            var runId = await db.TryClaimRunAsync(JobName, company.Id, period, ct);
            if (runId is null) return JobOutcome.AlreadyDone(company.Id, period);

            var olderThan = clock.GetUtcNow().UtcDateTime - options.Value.PendingDigestMinimumAge;
            // A leave with an open request to cancel is APPROVED, so no leave is both; each waits since its own request.
            var pending = db.Leaves.AsNoTracking()
                .Where(l => l.Membership!.CompanyId == company.Id
                    && ((l.Status == LeaveStatus.PENDING && l.CreatedAt < olderThan) || l.CancelRequestedAt < olderThan));
            // A request following an approval chain waits on its current step's approvers only (SPEC §11), and a request
            // to cancel a leave approved through one on its first step's: they get a digest of it, whatever their role,
            // and the managers do not.
            var stepApprovers = db.LeaveApprovers.Where(a => pending.Any(l => l.Id == a.LeaveId && l.ApprovalRound == a.Round
                && (l.Status == LeaveStatus.PENDING ? l.ApprovalStep == a.Step : a.Step == 0))).Select(a => a.MembershipId);
            var managers = await db.Memberships.AsNoTracking()
                .Where(m => m.CompanyId == company.Id && m.Active
                    && (m.Role == UserRole.MANAGER || m.Role == UserRole.ADMIN || stepApprovers.Contains(m.Id)))
                .OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.User!.Email, m.User.Name, m.User.Language, m.Role })
                .ToListAsync(ct);
            var total = await pending.CountAsync(ct);
            var sent = 0;
            foreach (var manager in total == 0 ? [] : managers)
            {
                // A manager cannot decide their own request (separation of duties), so it is not theirs to be reminded of.
                var isManager = Membership.IsManagerRole(manager.Role);
                var awaited = db.AwaitedLeaveIds(manager.Id);
                var theirs = pending.Where(l => awaited.Contains(l.Id)
                    || (isManager && l.MembershipId != manager.Id && l.ApprovalStep == null));
                var count = await theirs.CountAsync(ct);
                if (count == 0) continue;
                var listed = await theirs.OrderBy(l => l.CancelRequestedAt ?? l.CreatedAt).ThenBy(l => l.Id)
                    .Take(PendingDigestPayload.MaxListed)
                    .Select(l => new PendingDigestLeave(l.Membership!.User!.Name, l.Type.ToString(), l.StartDate, l.EndDate, l.Days,
                        l.CancelRequestedAt ?? l.CreatedAt, l.MembershipId, l.CancelRequestedAt != null))
                    .ToListAsync(ct);
                db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.PendingDigest, new PendingDigestPayload(
                    manager.Email, manager.Name, manager.Language, company.Id, company.Name, asOf, count, listed, company.TimeZone)));
                sent++;
            }
            await db.SaveChangesAsync(ct);
            var summary = total == 0
                ? "No request pending for long: nothing sent"
                : $"{total} pending requests, digests sent to {sent} of {managers.Count} managers";

            await db.SetRunSummaryAsync(runId.Value, summary, ct);
            logger.LogInformation("Pending digest {Day} for company {CompanyId}: {Summary}", period, company.Id, summary);
            return new JobOutcome(company.Id, period, JobStatus.Done, summary);
        }, cancellationToken);
    }
}
