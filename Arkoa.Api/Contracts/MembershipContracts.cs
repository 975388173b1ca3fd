using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Arkoa.Api.Http;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Mvc;

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

/// <summary>
/// A membership as managers (and the member themself) see it, with what the caller may do with it now
/// (<c>allowedActions</c>: change-role, deactivate, reactivate; <see cref="Arkoa.Core.Memberships.MembershipRules"/>).
/// </summary>
public sealed record MembershipResponse(
    Guid Id, Guid UserId, string Name, string Email, UserRole Role, bool Active, DateOnly JoinedOn, DateTime CreatedAt)
{
    /// <summary>Empty unless set: nobody may change their own membership, the one answered where it is not computed.</summary>
    public IReadOnlyList<string> AllowedActions { get; init; } = [];
}

/// <summary>A colleague as an employee sees them in the team view: active members only, no e-mail.</summary>
public sealed record TeamMemberResponse(Guid Id, string Name, UserRole Role);

/// <summary>?role=&amp;active= on the member list (issue 14 §14); active only narrows a manager's list (others see active members only).</summary>
public sealed class MemberFilterQuery
{
    [FromQuery(Name = "role"), Description("EMPLOYEE, MANAGER or ADMIN: only members with that role.")]
    public string? Role { get; init; }

    [FromQuery(Name = "active"), Description("true or false: only active or only deactivated members (managers).")]
    public string? Active { get; init; }

    public (UserRole? Role, bool? Active) Parse(FieldErrors errors)
    {
        QueryValues.TryEnum<UserRole>(Role, errors, "role", out var role);
        bool? active = null;
        if (!string.IsNullOrWhiteSpace(Active))
        {
            if (bool.TryParse(Active.Trim(), out var value)) active = value;
            else errors.Set("active", ProblemCodes.InvalidChoice, "active must be true or false.",
                new Dictionary<string, object?> { ["allowed"] = new[] { "true", "false" } });
        }
        return (role, active);
    }
}
