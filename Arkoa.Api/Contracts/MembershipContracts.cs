using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>
/// POST /api/companies/{id}/memberships: invites the address (202 with the invitation, mailed a 7-day link), whether or
/// not it has an account; the person joins by accepting.
/// </summary>
public sealed record AddMemberRequest(
    [property: Required, EmailAddress, StringLength(254)] string? Email,
    [property: Required] UserRole? Role);

/// <summary>PATCH (or POST) /api/companies/{id}/memberships/{mid}: absent fields keep their value.</summary>
public sealed record UpdateMembershipRequest(UserRole? Role, bool? Active);

/// <summary>A membership as managers (and the member themself) see it.</summary>
public sealed record MembershipResponse(
    Guid Id, Guid UserId, string Name, string Email, UserRole Role, bool Active, DateOnly JoinedOn, DateTime CreatedAt);

/// <summary>A colleague as an employee sees them in the team view: active members only, no e-mail.</summary>
public sealed record TeamMemberResponse(Guid Id, string Name, UserRole Role);
