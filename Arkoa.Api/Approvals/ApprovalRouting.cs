using Arkoa.Core.Approvals;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Approvals;

/// <summary>
/// Sends a submitted or edited request through the company's approval chain (SPEC §11): loads the chain, the member's
/// approver, the delegations of the day and the organisation, and lets <see cref="ApproverResolver"/> decide. A company
/// with no chain, no approver set for the member and no delegation that day keeps SPEC §10's single decision, with no
/// more than those three small reads.
/// </summary>
public static class ApprovalRouting
{
    /// <summary>
    /// Routes <paramref name="leave"/> of the company <paramref name="companyId"/> on its <paramref name="today"/>, by
    /// what its steps' conditions read of it (<paramref name="facts"/>); <paramref name="submitterMembershipId"/> is who
    /// submits or edits it (<see cref="OnBehalfRouting"/>). Runs in the request's transaction.
    /// </summary>
    public static async Task RouteAsync(this ArkoaDbContext db, Leave leave, Guid companyId, DateOnly today, ApprovalFacts facts,
        Guid submitterMembershipId, CancellationToken cancellationToken)
    {
        var chain = await db.ApprovalChains.AsNoTracking().Include(c => c.Steps)
            .SingleOrDefaultAsync(c => c.CompanyId == companyId, cancellationToken);
        var memberApprover = await db.MemberApprovers.AsNoTracking().Where(a => a.MembershipId == leave.MembershipId)
            .Select(a => (Guid?)a.ApproverMembershipId).FirstOrDefaultAsync(cancellationToken);
        var delegations = await db.ApprovalDelegations.AsNoTracking()
            .Where(d => d.CompanyId == companyId && d.StartDate <= today && d.EndDate >= today)
            .OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        if (chain is null && memberApprover is null && delegations.Count == 0)
        {
            leave.RouteThrough([]);
            return;
        }

        var org = await OrgAsync(db, companyId, leave.MembershipId, memberApprover, delegations, cancellationToken);
        var steps = chain?.Steps.OrderBy(s => s.Position).Select(ChainStep.Of).ToList() ?? [];
        var resolved = ApproverResolver.Resolve(steps, facts, org, today);
        leave.RouteThrough(OnBehalfRouting.Apply(resolved, leave.MembershipId, submitterMembershipId));
    }

    /// <summary>
    /// What the steps' conditions read of a submitted or edited request: its type and days; what it leaves of its balance
    /// — the remaining days read before the change, plus what an edit of the same type gives back
    /// (<paramref name="givenBack"/>), minus its days; null for a type no balance counts —; and whether it falls in a
    /// blackout period reaching the member.
    /// </summary>
    public static ApprovalFacts FactsOf(Leave leave, IReadOnlyDictionary<LeaveType, decimal> remaining, bool inBlackout, decimal givenBack = 0) =>
        new(leave.Type, leave.Days,
            leave.UsesBalance ? remaining.GetValueOrDefault(leave.Type) + givenBack - leave.Days : null, inBlackout);

    private static async Task<ApprovalOrg> OrgAsync(ArkoaDbContext db, Guid companyId, Guid requesterId, Guid? memberApprover,
        IReadOnlyList<ApprovalDelegation> delegations, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId && m.Active)
            .Select(m => new { m.Id, m.Role }).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.CompanyId == companyId)
            .Select(t => new { t.Id, t.ParentTeamId }).ToListAsync(cancellationToken);
        var managers = await db.TeamManagers.AsNoTracking().Where(m => m.Team!.CompanyId == companyId)
            .OrderBy(m => m.CreatedAt).Select(m => new { m.TeamId, m.MembershipId }).ToListAsync(cancellationToken);
        var requesterTeams = await db.TeamMembers.AsNoTracking().Where(m => m.MembershipId == requesterId)
            .Select(m => new { m.TeamId, m.IsPrimary }).ToListAsync(cancellationToken);
        return new ApprovalOrg(
            requesterId, requesterTeams.Select(t => t.TeamId).ToList(), requesterTeams.FirstOrDefault(t => t.IsPrimary)?.TeamId,
            teams.ToDictionary(t => t.Id, t => t.ParentTeamId),
            managers.GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(m => m.MembershipId).ToList()),
            members.Where(m => Membership.IsManagerRole(m.Role)).Select(m => m.Id).ToList(),
            members.Where(m => m.Role == UserRole.ADMIN).Select(m => m.Id).ToList(),
            members.Select(m => m.Id).ToHashSet(), memberApprover, delegations);
    }
}
