using Arkoa.Api.Contracts;
using Arkoa.Api.Teams;
using Arkoa.Core.Capacity;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Capacity;

/// <summary>What a request's dates meet before it is sent (SPEC §12): blackouts, coverage shortfalls, teammates away.</summary>
public static class RequestCapacity
{
    /// <summary>At most this many teammates' leaves are listed: the form names who is away, it is not the calendar.</summary>
    public const int MaxTeammatesAway = 20;

    public static async Task<RequestCapacityResponse> ForRequestAsync(
        this ArkoaDbContext db, Company company, Guid membershipId, HalfDaySpan span, LeaveType? type, LeaveDayCounter calendar,
        CancellationToken cancellationToken)
    {
        var (start, end) = (span.StartDate, span.EndDate);
        var blackouts = BlackoutRules.Hit(span, type, calendar.IsWorkingDay,
            await db.BlackoutsReachingAsync(company.Id, membershipId, start, end, cancellationToken)).Select(p => p.ToResponse()).ToList();
        var ownTeams = await db.TeamsOfAsync(membershipId, cancellationToken);
        if (ownTeams.Count == 0) return new(blackouts, [], []);

        // A rule of a team above the member's counts them too: it covers its sub-teams.
        var tree = await db.TreeAsync(company.Id, cancellationToken);
        var reached = tree.WithParents(ownTeams).ToList();
        var ruled = await db.Teams.AsNoTracking()
            .Where(t => reached.Contains(t.Id) && (t.MinimumPresent != null || t.MaximumAbsent != null)).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var breaches = new List<CoverageBreachResponse>();
        foreach (var ruledTeam in ruled)
        {
            var members = await db.ActiveMembersOfAsync(tree.WithSubTeams(ruledTeam.Id).ToList(), cancellationToken);
            var absences = await db.AbsencesAsync(members, start, end, cancellationToken);
            breaches.AddRange(TeamCoverage.BreachesWith(span, membershipId, calendar.IsWorkingDay, members, absences, CapacityQueries.RuleOf(ruledTeam))
                .Select(d => new CoverageBreachResponse(d.Date, ruledTeam.Id, ruledTeam.Name, d.PresentWithPending, ruledTeam.MinimumPresent, ruledTeam.MaximumAbsent)));
        }

        // Teammates are those of the primary team (every member is also in the company's default team): of all their
        // teams for someone without one.
        var primary = await db.TeamMembers.AsNoTracking().Where(m => m.MembershipId == membershipId && m.IsPrimary)
            .Select(m => (Guid?)m.TeamId).SingleOrDefaultAsync(cancellationToken);
        var teammates = (await db.ActiveMembersOfAsync(primary is { } team ? [team] : ownTeams, cancellationToken))
            .Where(m => m != membershipId).ToArray();
        var away = await db.Leaves.AsNoTracking()
            .Where(l => teammates.Contains(l.MembershipId) && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                && l.StartDate <= end && l.EndDate >= start)
            .OrderBy(l => l.StartDate).ThenBy(l => l.Membership!.User!.Name).ThenBy(l => l.Id).Take(MaxTeammatesAway)
            .Select(l => new TeammateAwayResponse(l.MembershipId, l.Membership!.User!.Name, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf, l.Status))
            .ToListAsync(cancellationToken);
        return new(blackouts, breaches.OrderBy(b => b.Date).ThenBy(b => b.TeamName).ToList(), away);
    }
}
