using Arkoa.Core.Domain;

namespace Arkoa.Core.Memberships;

/// <summary>Who may give a role (SPEC §1): managers bring in employees; only an admin makes managers and admins.</summary>
public static class RoleGrant
{
    /// <summary>
    /// Whether a member with <paramref name="caller"/>'s role may give <paramref name="role"/>: by adding someone, or by
    /// replacing or revoking an invitation of that role (else a manager could undo an admin's invitation of a manager).
    /// </summary>
    public static bool MayGrant(UserRole caller, UserRole role) =>
        caller == UserRole.ADMIN || (caller == UserRole.MANAGER && role == UserRole.EMPLOYEE);
}
