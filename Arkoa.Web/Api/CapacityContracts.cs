namespace Arkoa.Web.Api;

/// <summary>What a request's dates meet (SPEC §12): blackout periods, days a team would fall short, teammates away.</summary>
public sealed record RequestCapacity(
    IReadOnlyList<BlackoutPeriod> Blackouts, IReadOnlyList<CoverageBreach> CoverageBreaches, IReadOnlyList<TeammateAway> TeammatesAway);

/// <summary>A blackout period: for the whole company (no team) or a team and its sub-teams; REFUSE or WARN.</summary>
public sealed record BlackoutPeriod(
    string Id, string Name, string? TeamId, string? TeamName, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> LeaveTypes, string Effect)
{
    public bool Refuses => Effect == "REFUSE";
}

/// <summary>A day a team would have fewer people present than its rule asks, if the request and the pending ones were approved.</summary>
public sealed record CoverageBreach(DateOnly Date, string TeamId, string TeamName, int PresentWithPending, int? MinimumPresent, int? MaximumAbsent);

/// <summary>A teammate's leave over the requested dates (its type is theirs to know).</summary>
public sealed record TeammateAway(string MembershipId, string Name, DateOnly StartDate, DateOnly EndDate, string Status);

/// <summary>A team's coverage per day (SPEC §12) from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record TeamCapacity(
    string TeamId, string TeamName, DateOnly From, DateOnly To, int? MinimumPresent, int? MaximumAbsent, IReadOnlyList<CoverageDay> Days);

/// <summary>One day of a team: its headcount, who is away (approved, and with pending), and whether its rule breaks.</summary>
public sealed record CoverageDay(
    DateOnly Date, bool WorkingDay, int Headcount, int Absent, int AbsentWithPending, int Present, int PresentWithPending,
    bool Breached, bool BreachedWithPending);

/// <summary>A blackout period to add: a team's id or null for the whole company; the Api's defaults for null types and effect.</summary>
public sealed record NewBlackoutPeriod(string Name, DateOnly StartDate, DateOnly EndDate, string? TeamId, IReadOnlyList<string>? LeaveTypes, string Effect);

internal sealed record TeamCoverageRequest(int? MinimumPresent, int? MaximumAbsent);

/// <summary>What approving a pending leave would do (SPEC §12): the teams it leaves short of their rule, and teammates away.</summary>
public sealed record LeaveCoverage(IReadOnlyList<CoverageShortfall> Shortfalls, IReadOnlyList<TeammateAway> TeammatesAway);

/// <summary>A team the approval would leave below its rule, on these days.</summary>
public sealed record CoverageShortfall(string TeamName, IReadOnlyList<DateOnly> Dates, int? MinimumPresent, int? MaximumAbsent);
