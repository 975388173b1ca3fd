using Arkoa.Core.Leaves;

namespace Arkoa.Core.Capacity;

/// <summary>
/// How many of a team's members are away on each day of a period, against its coverage rule (SPEC §12). Pure: the
/// caller loads the team's active members (sub-teams included), their pending and approved leaves, and the company's
/// calendar. A day off for the company (weekend, holiday) has no requirement.
/// </summary>
public static class TeamCoverage
{
    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/>, in order.</summary>
    public static IReadOnlyList<CoverageDay> Days(
        DateOnly from, DateOnly to, Func<DateOnly, bool> isWorkingDay, IReadOnlySet<Guid> members,
        IEnumerable<TeamAbsence> absences, CoverageRule rule)
    {
        var slots = (to.DayNumber - from.DayNumber + 1) * 2;
        if (slots <= 0) return [];
        // Per half day, who is away: a member with two leaves in one half (never happens, overlaps are refused) counts once.
        var approved = new HashSet<Guid>[slots];
        var any = new HashSet<Guid>[slots];
        foreach (var absence in absences)
        {
            if (!members.Contains(absence.MembershipId)) continue;
            var (first, last) = SlotsOf(absence.Span, from, slots);
            for (var slot = first; slot <= last; slot++)
            {
                (any[slot] ??= []).Add(absence.MembershipId);
                if (absence.Approved) (approved[slot] ??= []).Add(absence.MembershipId);
            }
        }

        var days = new List<CoverageDay>(slots / 2);
        var headcount = members.Count;
        for (var i = 0; i < slots / 2; i++)
        {
            var date = from.AddDays(i);
            var working = isWorkingDay(date);
            var absent = Math.Max(approved[2 * i]?.Count ?? 0, approved[2 * i + 1]?.Count ?? 0);
            var absentWithPending = Math.Max(any[2 * i]?.Count ?? 0, any[2 * i + 1]?.Count ?? 0);
            days.Add(new CoverageDay(date, working, headcount, absent, absentWithPending,
                working && rule.IsBrokenBy(headcount, absent), working && rule.IsBrokenBy(headcount, absentWithPending)));
        }
        return days;
    }

    /// <summary>
    /// The working days of <paramref name="request"/> (by <paramref name="requester"/>) on which the team would break its
    /// rule if the request and every pending one were approved: what the request form warns about.
    /// </summary>
    public static IReadOnlyList<CoverageDay> BreachesWith(
        HalfDaySpan request, Guid requester, Func<DateOnly, bool> isWorkingDay, IReadOnlySet<Guid> members,
        IEnumerable<TeamAbsence> absences, CoverageRule rule)
    {
        if (!rule.IsSet || !members.Contains(requester)) return [];
        // The requester's own leaves on those days (an edited one) do not count twice: a member is away once per half day.
        var withRequest = absences.Append(new TeamAbsence(requester, request, Approved: false));
        return Days(request.StartDate, request.EndDate, isWorkingDay, members, withRequest, rule)
            .Where(d => d.BreachedWithPending && Takes(request, d.Date)).ToList();
    }

    /// <summary>
    /// The working days of <paramref name="leave"/> (of <paramref name="member"/>) on which the team would break its rule
    /// once it is approved, counting only approved leaves: what an approver must override.
    /// </summary>
    public static IReadOnlyList<CoverageDay> BreachesIfApproved(
        HalfDaySpan leave, Guid member, Func<DateOnly, bool> isWorkingDay, IReadOnlySet<Guid> members,
        IEnumerable<TeamAbsence> absences, CoverageRule rule)
    {
        if (!rule.IsSet || !members.Contains(member)) return [];
        var approved = absences.Where(a => a.Approved).Append(new TeamAbsence(member, leave, Approved: true));
        return Days(leave.StartDate, leave.EndDate, isWorkingDay, members, approved, rule)
            .Where(d => d.Breached && Takes(leave, d.Date)).ToList();
    }

    /// <summary>Whether the span takes some half of <paramref name="date"/>.</summary>
    private static bool Takes(HalfDaySpan span, DateOnly date) => span.Overlaps(new HalfDaySpan(date, date, null, null), _ => true);

    /// <summary>The span's half-day slots within the period's <paramref name="slots"/> (slot 0: the first morning), clipped.</summary>
    private static (int First, int Last) SlotsOf(HalfDaySpan span, DateOnly from, int slots)
    {
        var first = (span.StartDate.DayNumber - from.DayNumber) * 2 + (span.StartHalf == Domain.HalfDayPeriod.AFTERNOON ? 1 : 0);
        var last = (span.EndDate.DayNumber - from.DayNumber) * 2 + (span.EndHalf == Domain.HalfDayPeriod.MORNING ? 0 : 1);
        return (Math.Max(first, 0), Math.Min(last, slots - 1));
    }
}
