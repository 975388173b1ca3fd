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
        var (tree, ruled) = await db.RuledTeamsCountingAsync(company.Id, membershipId, cancellationToken);
        var breaches = new List<CoverageBreachResponse>();
        foreach (var ruledTeam in ruled)
        {
            var members = await db.ActiveMembersOfAsync(tree.WithSubTeams(ruledTeam.Id).ToList(), cancellationToken);
            var absences = await db.AbsencesAsync(members, start, end, cancellationToken);
            breaches.AddRange(TeamCoverage.BreachesWith(span, membershipId, calendar.IsWorkingDay, members, absences, CapacityQueries.RuleOf(ruledTeam))
                .Select(d => new CoverageBreachResponse(d.Date, ruledTeam.Id, ruledTeam.Name, d.PresentWithPending, ruledTeam.MinimumPresent, ruledTeam.MaximumAbsent)));
        }

        var away = await db.TeammatesAwayAsync(membershipId, start, end, MaxTeammatesAway, cancellationToken);
        return new(blackouts, breaches.OrderBy(b => b.Date).ThenBy(b => b.TeamName).ToList(), away);
    }
}
