using System.Globalization;
using Arkoa.Core.Approvals;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.MailDecisions;
using Arkoa.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Worker.Jobs;

/// <summary>
/// Once per company and day ("as of" date): passes on every chained request whose current step has waited the company's
/// limit of working days (<see cref="StepEscalation"/>, SPEC §11), to its next step or, at the last, to the company's
/// admins; those it now waits for get the "new request" mail and the member is told who has it now. The run record, the
/// escalations and the mails are written in one transaction, so a day runs once across replicas; a leave_escalations row,
/// unique per step, keeps a step from being passed on twice by runs of other days. A company without a limit is recorded
/// as run, and nothing changes.
/// </summary>
public sealed class StepEscalationJob(ArkoaDbContext db, TimeProvider clock, ILogger<StepEscalationJob> logger) : ICompanyJob
{
    public const string JobName = "step-escalation";

    public string Name => JobName;

    public Task<JobOutcome> RunAsync(Company company, DateOnly asOf, CancellationToken cancellationToken)
    {
        var period = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return db.InTransactionAsync(async ct =>
        {
            var runId = await db.TryClaimRunAsync(JobName, company.Id, period, ct);
            if (runId is null) return JobOutcome.AlreadyDone(company.Id, period);

            var settings = await db.Companies.AsNoTracking().Where(c => c.Id == company.Id)
                .Select(c => new Company
                {
                    Id = c.Id, Name = c.Name, TimeZone = c.TimeZone, HolidayCountry = c.HolidayCountry, SolidarityDayWorked = c.SolidarityDayWorked, WorkingDays = c.WorkingDays,
                    EscalateAfterWorkingDays = c.EscalateAfterWorkingDays,
                })
                .SingleAsync(ct);
            var escalated = settings.EscalateAfterWorkingDays == 0 ? 0 : await EscalateDueAsync(settings, asOf, ct);
            var summary = settings.EscalateAfterWorkingDays == 0
                ? "No escalation limit set: nothing escalated"
                : $"{escalated} requests passed on after {settings.EscalateAfterWorkingDays} working days";
            await db.SetRunSummaryAsync(runId.Value, summary, ct);
            logger.LogInformation("Step escalation {Day} for company {CompanyId}: {Summary}", period, company.Id, summary);
            return new JobOutcome(company.Id, period, JobStatus.Done, summary);
        }, cancellationToken);
    }

    private async Task<int> EscalateDueAsync(Company company, DateOnly asOf, CancellationToken ct)
    {
        var holidays = await db.CompanyHolidays.AsNoTracking().Where(h => h.CompanyId == company.Id).Select(h => h.Date).ToListAsync(ct);
        var calendar = LeaveDayCounter.For(company, holidays);
        // Read without locks first: most pending requests are not due, and only those that are get locked and re-read.
        var due = (await Pending(company.Id).AsNoTracking().ToListAsync(ct))
            .Where(l => StepEscalation.IsDue(l, company, asOf, calendar)).Select(l => (l.Id, l.MembershipId)).ToList();
        if (due.Count == 0) return 0;

        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == company.Id && m.Active && m.Role == UserRole.ADMIN).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var escalated = 0;
        foreach (var (leaveId, membershipId) in due)
        {
            // Under the member's lock, as every write to their leaves: a decision at the same moment waits, then sees the new step.
            await db.LockMemberAsync(membershipId, ct);
            var leave = await Pending(company.Id).SingleOrDefaultAsync(l => l.Id == leaveId, ct);
            if (leave is null || !StepEscalation.IsDue(leave, company, asOf, calendar)) continue;
            var added = leave.Escalate(admins, now);
            if (added is null) continue;
            await QueueMailsAsync(company, leave, added, ct);
            escalated++;
        }
        await db.SaveChangesAsync(ct);
        return escalated;
    }

    /// <summary>The company's PENDING chained requests with what <see cref="StepEscalation"/> reads.</summary>
    private IQueryable<Leave> Pending(Guid companyId) => db.Leaves
        .Where(l => l.Membership!.CompanyId == companyId && l.Status == LeaveStatus.PENDING && l.ApprovalStep != null)
        .Include(l => l.Approvers)
        .Include(l => l.StepDecisions)
        .Include(l => l.Escalations)
        .Include(l => l.StatusHistory.Where(c => c.Transition == LeaveTransition.SUBMITTED || c.Transition == LeaveTransition.EDITED))
        .AsSplitQuery();

    /// <summary>The "new request" mail to each approver it now waits for, and the member told whom it was passed on to.</summary>
    private async Task QueueMailsAsync(Company company, Leave leave, IReadOnlyList<LeaveApprover> added, CancellationToken ct)
    {
        var ids = added.Select(a => a.MembershipId).Append(leave.MembershipId).ToList();
        var people = await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Active, m.User!.Email, m.User.Name, m.User.Language })
            .ToDictionaryAsync(m => m.Id, ct);
        var member = people[leave.MembershipId];
        var approvers = added.Select(a => people[a.MembershipId]).Where(a => a.Active).ToList();
        foreach (var approver in approvers)
        {
            db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.LeaveSubmitted, new LeaveMailPayload(
                approver.Email, approver.Name, approver.Language, company.Id, company.Name, leave.MembershipId, member.Name, member.Name,
                leave.Id, leave.Type.ToString(), leave.StartDate, leave.EndDate, leave.Days, leave.Status.ToString(), null, Edited: false,
                approver.Id, DecisionLink.FingerprintOf(leave))));
        }
        if (approvers.Count == 0 || !member.Active) return;
        db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.LeaveEscalated, new LeaveEscalatedPayload(
            member.Email, member.Name, member.Language, company.Id, company.Name, leave.Id, leave.Type.ToString(), leave.StartDate,
            leave.EndDate, leave.Days, [.. approvers.Select(a => a.Name)])));
    }
}
