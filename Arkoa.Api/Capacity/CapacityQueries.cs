using Arkoa.Api.Contracts;
using Arkoa.Api.Teams;
using Arkoa.Core.Capacity;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Capacity;

/// <summary>
/// What coverage and blackout checks load (SPEC §12): a team's active members and their leaves, and the blackout periods
/// that reach a member. The rules themselves are <see cref="TeamCoverage"/> and <see cref="BlackoutRules"/>.
/// </summary>
public static class CapacityQueries
{
    /// <summary>The active members of <paramref name="teamIds"/>.</summary>
    public static async Task<IReadOnlySet<Guid>> ActiveMembersOfAsync(this ArkoaDbContext db, IReadOnlyCollection<Guid> teamIds, CancellationToken cancellationToken) =>
        (await db.TeamMembers.AsNoTracking().Where(m => teamIds.Contains(m.TeamId) && m.Membership!.Active)
            .Select(m => m.MembershipId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>The pending and approved leaves of <paramref name="members"/> that touch the period.</summary>
    public static async Task<IReadOnlyList<TeamAbsence>> AbsencesAsync(
        this ArkoaDbContext db, IReadOnlySet<Guid> members, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var ids = members.ToArray();
        var leaves = await db.Leaves.AsNoTracking()
            .Where(l => ids.Contains(l.MembershipId) && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                && l.StartDate <= to && l.EndDate >= from)
            .Select(l => new { l.MembershipId, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf, l.Status })
            .ToListAsync(cancellationToken);
        return leaves.Select(l => new TeamAbsence(l.MembershipId, new HalfDaySpan(l.StartDate, l.EndDate, l.StartHalf, l.EndHalf),
            l.Status == LeaveStatus.APPROVED)).ToList();
    }

    /// <summary>The coverage of <paramref name="team"/> (its members and its sub-teams') on each day of the period.</summary>
    public static async Task<IReadOnlyList<CoverageDay>> CoverageAsync(
        this ArkoaDbContext db, Company company, TeamTree tree, Team team, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var members = await db.ActiveMembersOfAsync(tree.WithSubTeams(team.Id).ToList(), cancellationToken);
        var absences = await db.AbsencesAsync(members, from, to, cancellationToken);
        var calendar = await LeavePlanner.CounterAsync(db, company, from, to, cancellationToken);
        return TeamCoverage.Days(from, to, calendar.IsWorkingDay, members, absences, RuleOf(team));
    }

    public static CoverageRule RuleOf(Team team) => new(team.MinimumPresent, team.MaximumAbsent);

    /// <summary>
    /// The teams with a coverage rule that count <paramref name="membershipId"/> (theirs, and every team above one, since a
    /// rule covers its sub-teams), by name, with the company's tree; none for a member of no team.
    /// </summary>
    public static async Task<(TeamTree Tree, List<Team> Ruled)> RuledTeamsCountingAsync(
        this ArkoaDbContext db, Guid companyId, Guid membershipId, CancellationToken cancellationToken)
    {
        var memberTeams = await db.TeamsOfAsync(membershipId, cancellationToken);
        if (memberTeams.Count == 0) return (new TeamTree([]), []);
        var tree = await db.TreeAsync(companyId, cancellationToken);
        var reached = tree.WithParents(memberTeams).ToList();
        var ruled = await db.Teams.AsNoTracking().Where(t => reached.Contains(t.Id) && (t.MinimumPresent != null || t.MaximumAbsent != null))
            .OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return (tree, ruled);
    }

    /// <summary>The teams <paramref name="membershipId"/> is in, directly.</summary>
    public static async Task<List<Guid>> TeamsOfAsync(this ArkoaDbContext db, Guid membershipId, CancellationToken cancellationToken) =>
        await db.TeamMembers.AsNoTracking().Where(m => m.MembershipId == membershipId).Select(m => m.TeamId).ToListAsync(cancellationToken);

    /// <summary>
    /// The company's blackout periods that touch the dates and reach <paramref name="membershipId"/>: the company-wide
    /// ones and those of a team they are in or of a team above one.
    /// </summary>
    public static async Task<IReadOnlyList<BlackoutPeriod>> BlackoutsReachingAsync(
        this ArkoaDbContext db, Guid companyId, Guid membershipId, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var periods = await db.BlackoutPeriods.AsNoTracking().Include(p => p.Team)
            .Where(p => p.CompanyId == companyId && p.StartDate <= end && p.EndDate >= start).ToListAsync(cancellationToken);
        if (periods.All(p => p.TeamId is null)) return periods;
        var reached = (await db.TreeAsync(companyId, cancellationToken)).WithParents(await db.TeamsOfAsync(membershipId, cancellationToken));
        return periods.Where(p => p.TeamId is not { } teamId || reached.Contains(teamId)).ToList();
    }

    /// <summary>
    /// The blackout periods reaching the member that a request's plan falls in, earliest first: one that refuses stops it
    /// (<see cref="BlackoutRules.RefusalAmong"/>, checked with the dates, like a range without a working day, before the
    /// balance and overlap); one that flags is a fact its approval chain's steps may read (SPEC §11, §12).
    /// </summary>
    public static async Task<IReadOnlyList<BlackoutPeriod>> BlackoutsHitAsync(
        this ArkoaDbContext db, Guid companyId, Guid membershipId, LeavePlan plan, CancellationToken cancellationToken) =>
        BlackoutRules.Hit(plan, await db.BlackoutsReachingAsync(companyId, membershipId, plan.Start, plan.End, cancellationToken));

    /// <summary>
    /// The teams (the member's or above) whose coverage rule <paramref name="leave"/>'s approval would break, and on which
    /// days, counting approved leaves. To approve, their rows are locked first (<paramref name="lockTeams"/>, in id order,
    /// so two approvals never wait on each other crosswise): two approvals racing for a team's last free place take
    /// turns, and the second sees the first. Showing an approver what approving would do needs no lock.
    /// </summary>
    public static async Task<IReadOnlyList<CoverageApproval.Shortfall>> ShortfallsIfApprovedAsync(
        this ArkoaDbContext db, Company company, Leave leave, bool lockTeams, CancellationToken cancellationToken)
    {
        var (tree, ruled) = await db.RuledTeamsCountingAsync(company.Id, leave.MembershipId, cancellationToken);
        if (ruled.Count == 0) return [];
        if (lockTeams)
        {
            // Read again under the lock, FOR NO KEY UPDATE: approvals take turns; adding team members (a key share lock) is not held up.
            var ids = ruled.Select(t => t.Id).Order().ToArray();
            ruled = await db.Teams.FromSql($"SELECT * FROM teams WHERE id = ANY({ids}) ORDER BY id FOR NO KEY UPDATE").AsNoTracking().ToListAsync(cancellationToken);
        }

        var span = new HalfDaySpan(leave.StartDate, leave.EndDate, leave.StartHalf, leave.EndHalf);
        var calendar = await LeavePlanner.CounterAsync(db, company, leave.StartDate, leave.EndDate, cancellationToken);
        var shortfalls = new List<CoverageApproval.Shortfall>();
        foreach (var team in ruled.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var members = await db.ActiveMembersOfAsync(tree.WithSubTeams(team.Id).ToList(), cancellationToken);
            var absences = await db.AbsencesAsync(members, leave.StartDate, leave.EndDate, cancellationToken);
            var days = TeamCoverage.BreachesIfApproved(span, leave.MembershipId, calendar.IsWorkingDay, members, absences, RuleOf(team));
            if (days.Count > 0) shortfalls.Add(new(team.Name, RuleOf(team), days.Select(d => d.Date).ToList()));
        }
        return shortfalls;
    }

    /// <summary>
    /// The pending and approved leaves, over the dates, of <paramref name="membershipId"/>'s teammates: those of their
    /// primary team (every member is also in the company's default team), of all their teams for someone without one;
    /// at most <paramref name="max"/>, by start, without their type.
    /// </summary>
    public static async Task<List<TeammateAwayResponse>> TeammatesAwayAsync(
        this ArkoaDbContext db, Guid membershipId, DateOnly start, DateOnly end, int max, CancellationToken cancellationToken)
    {
        var primary = await db.TeamMembers.AsNoTracking().Where(m => m.MembershipId == membershipId && m.IsPrimary)
            .Select(m => (Guid?)m.TeamId).SingleOrDefaultAsync(cancellationToken);
        var teams = primary is { } team ? [team] : await db.TeamsOfAsync(membershipId, cancellationToken);
        var teammates = (await db.ActiveMembersOfAsync(teams, cancellationToken)).Where(m => m != membershipId).ToArray();
        return await db.Leaves.AsNoTracking()
            .Where(l => teammates.Contains(l.MembershipId) && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                && l.StartDate <= end && l.EndDate >= start)
            .OrderBy(l => l.StartDate).ThenBy(l => l.Membership!.User!.Name).ThenBy(l => l.Id).Take(max)
            .Select(l => new TeammateAwayResponse(l.MembershipId, l.Membership!.User!.Name, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf, l.Status))
            .ToListAsync(cancellationToken);
    }
}
