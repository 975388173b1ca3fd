using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Memberships;

/// <summary>
/// Makes a user a member of a company, the one way every membership starts (company creation, adding an
/// existing user, accepting an invitation): joined today in the company's time zone, a PAID balance of the
/// year's days prorated to the remaining months (with its AUTO_CREDIT history row), an empty RTT balance and an empty one
/// of each of the company's own types that uses a balance, and a
/// place in the company's default team (its primary team; a MANAGER or ADMIN manages that team too, as the migration
/// that brought teams set it up: SPEC §10), so a company that never touches teams works as before.
/// Adds to the unit of work, with the company's <see cref="WebhookEventTypes.MemberJoined"/> event; the caller saves.
/// </summary>
public sealed class MemberEnrolment(ArkoaDbContext db, BalanceLedger ledger, TimeProvider clock, WebhookOutbox webhooks)
{
    public async Task<Membership> EnrolAsync(Company company, Guid userId, UserRole role, CancellationToken cancellationToken)
    {
        var joinedOn = CompanyClock.Today(company, clock);
        var membership = new Membership { UserId = userId, CompanyId = company.Id, Role = role, JoinedOn = joinedOn };
        db.Memberships.Add(membership);
        await JoinDefaultTeamAsync(company, membership, cancellationToken);

        var paid = await ledger.GetOrCreateAsync(membership.Id, LeaveType.PAID, cancellationToken);
        await ledger.GetOrCreateAsync(membership.Id, LeaveType.RTT, cancellationToken);
        // The company's own types that use a balance start empty too, until credited or adjusted.
        var ownBalanceTypes = await db.LeaveTypeDefinitions.AsNoTracking()
            .Where(t => t.CompanyId == company.Id && t.UsesBalance && t.Code != LeaveType.PAID && t.Code != LeaveType.RTT)
            .Select(t => t.Code).ToListAsync(cancellationToken);
        foreach (var type in ownBalanceTypes) await ledger.GetOrCreateAsync(membership.Id, type, cancellationToken);
        var initialDays = Proration.InitialPaidDays(company.AnnualLeaveDays, joinedOn);
        if (initialDays > 0)
        {
            ledger.TryApply(paid, initialDays, LeaveBalanceHistoryType.AUTO_CREDIT, actorId: null, leaveId: null,
                $"Initial credit: {company.AnnualLeaveDays} days prorated from {joinedOn:yyyy-MM-dd} to the end of the year",
                new BalanceChangeFacts { Cause = BalanceChangeCause.INITIAL_CREDIT, AnnualDays = company.AnnualLeaveDays, Date = joinedOn });
        }
        await webhooks.MemberAsync(membership, WebhookEventTypes.MemberJoined, cancellationToken);
        return membership;
    }

    private async Task JoinDefaultTeamAsync(Company company, Membership membership, CancellationToken cancellationToken)
    {
        // A company created in this unit of work has its default team only in the change tracker.
        var team = db.Teams.Local.FirstOrDefault(t => t.CompanyId == company.Id && t.IsDefault)
            ?? await db.Teams.FirstOrDefaultAsync(t => t.CompanyId == company.Id && t.IsDefault, cancellationToken);
        if (team is null) return;
        db.TeamMembers.Add(new TeamMember { TeamId = team.Id, MembershipId = membership.Id, IsPrimary = true });
        if (membership.IsManager) db.TeamManagers.Add(new TeamManager { TeamId = team.Id, MembershipId = membership.Id });
    }
}
