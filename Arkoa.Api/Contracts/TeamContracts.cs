using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>
/// A team of the company (SPEC §10): its place in the tree (<c>parentTeamId</c>, null at the top), whether it is the
/// default team where new members land, how many members it has (not counting sub-teams), its team managers, and
/// whether the caller is in it (<c>callerIsMember</c>) and it is their primary team (<c>callerPrimary</c>): the
/// calendar opens on the caller's team; and its coverage rule (SPEC §12), null where unset.
/// </summary>
public sealed record TeamResponse(
    Guid Id, string Name, Guid? ParentTeamId, bool IsDefault, int MemberCount, IReadOnlyList<TeamManagerResponse> Managers,
    bool CallerIsMember = false, bool CallerPrimary = false, int? MinimumPresent = null, int? MaximumAbsent = null);

/// <summary>A team manager: the membership and the person's name.</summary>
public sealed record TeamManagerResponse(Guid MembershipId, string Name);

/// <summary>A member of a team, with their role in the company and whether this is their primary team.</summary>
public sealed record MemberOfTeamResponse(Guid MembershipId, string Name, UserRole Role, bool IsPrimary);

/// <summary>POST /teams: a name unique in the company ignoring case (1–100 characters), under a team of the company or at the top.</summary>
public sealed record CreateTeamRequest(
    [property: Required, StringLength(Team.NameMaxLength, MinimumLength = 1)] string? Name,
    Guid? ParentTeamId);

/// <summary>PUT /teams/{teamId}: the team's name and place (null <c>parentTeamId</c>: at the top); both are replaced.</summary>
public sealed record UpdateTeamRequest(
    [property: Required, StringLength(Team.NameMaxLength, MinimumLength = 1)] string? Name,
    Guid? ParentTeamId);

/// <summary>POST /teams/{teamId}/members: an active member of the company joins the team, as their primary team when <c>isPrimary</c>.</summary>
public sealed record AddTeamMemberRequest([property: Required] Guid? MembershipId, bool IsPrimary = false);

/// <summary>POST /teams/{teamId}/managers: an active member of the company (any role) manages the team.</summary>
public sealed record AddTeamManagerRequest([property: Required] Guid? MembershipId);
