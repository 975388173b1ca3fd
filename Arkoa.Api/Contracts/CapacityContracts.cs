using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>PUT /teams/{teamId}/coverage: the team's coverage rule; null for no minimum or no maximum (both null: no rule).</summary>
public sealed record TeamCoverageRequest(int? MinimumPresent, int? MaximumAbsent);

/// <summary>
/// A team's coverage from <c>from</c> to <c>to</c> (SPEC §12): its rule, and per day its active members (sub-teams
/// included), how many are away on the busier half of the day counting approved leaves (<c>absent</c>) and also pending
/// ones (<c>absentWithPending</c>), and whether the rule is broken either way. Days off of the company break nothing.
/// </summary>
public sealed record TeamCapacityResponse(
    Guid TeamId, string TeamName, DateOnly From, DateOnly To, int? MinimumPresent, int? MaximumAbsent, IReadOnlyList<CoverageDayResponse> Days);

public sealed record CoverageDayResponse(
    DateOnly Date, bool WorkingDay, int Headcount, int Absent, int AbsentWithPending, int Present, int PresentWithPending,
    bool Breached, bool BreachedWithPending);

/// <summary>POST /blackout-periods: a named period, for the whole company or a team (with its sub-teams), of chosen types.</summary>
public sealed record CreateBlackoutPeriodRequest(
    [property: Required, StringLength(BlackoutPeriod.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate,
    Guid? TeamId,
    IReadOnlyList<LeaveType>? LeaveTypes,
    BlackoutEffect? Effect);

/// <summary>A blackout period: whom it reaches (<c>teamId</c> null: everyone), its dates, types and effect (REFUSE or WARN).</summary>
public sealed record BlackoutPeriodResponse(
    Guid Id, string Name, Guid? TeamId, string? TeamName, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<LeaveType> LeaveTypes, BlackoutEffect Effect);

/// <summary>
/// What a request's dates meet (SPEC §12), for the request form to warn before it is sent: the blackout periods it falls
/// in (a REFUSE one will refuse it), the days a team of the member would fall short of its rule if it and every pending
/// request were approved, and the teammates away on those dates (no type: a colleague's reason is theirs).
/// </summary>
public sealed record RequestCapacityResponse(
    IReadOnlyList<BlackoutPeriodResponse> Blackouts, IReadOnlyList<CoverageBreachResponse> CoverageBreaches,
    IReadOnlyList<TeammateAwayResponse> TeammatesAway);

/// <summary>A day a team would fall short: who would be present against the rule.</summary>
public sealed record CoverageBreachResponse(DateOnly Date, Guid TeamId, string TeamName, int PresentWithPending, int? MinimumPresent, int? MaximumAbsent);

/// <summary>A teammate's pending or approved leave over the requested dates, without its type.</summary>
public sealed record TeammateAwayResponse(Guid MembershipId, string Name, DateOnly StartDate, DateOnly EndDate, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, LeaveStatus Status);

/// <summary>
/// What approving a pending leave would do to its teams (SPEC §12), for the approver: the teams it would leave short of
/// their rule and on which days (counting approved leaves; approving then needs <c>overrideCoverage</c> and a note), and
/// the teammates away over its dates, without their type.
/// </summary>
public sealed record LeaveCoverageResponse(IReadOnlyList<CoverageShortfallResponse> Shortfalls, IReadOnlyList<TeammateAwayResponse> TeammatesAway);

/// <summary>A team the approval would leave below its rule, and the days.</summary>
public sealed record CoverageShortfallResponse(string TeamName, IReadOnlyList<DateOnly> Dates, int? MinimumPresent, int? MaximumAbsent);
