using Arkoa.Core.Domain;

namespace Arkoa.Core.Memberships;

/// <summary>
/// Every refusal of a change to a membership (SPEC §1), with its stable code (<see cref="ProblemCodes"/>). The messages
/// are the Api's English sentences for clients that do not localise; the Web localises by code.
/// </summary>
public static class MembershipErrors
{
    private static DomainError Forbidden(string code, string message) => new(code, DomainErrorKind.Forbidden, message);

    public static readonly DomainError ManagerOnlyChange = Forbidden(ProblemCodes.ManagerOnlyChangeMembers, "Only a manager can change memberships.");
    public static readonly DomainError ManagerOnlyRemove = Forbidden(ProblemCodes.ManagerOnlyRemoveMembers, "Only a manager can remove members.");
    public static readonly DomainError AdminOnlyRoles = Forbidden(ProblemCodes.AdminOnlyRoles, "Only an admin can change roles.");
    public static readonly DomainError AdminOnlyDeactivatePrivileged = Forbidden(ProblemCodes.AdminOnlyDeactivatePrivileged,
        "Only an admin can deactivate or reactivate a manager or an admin.");
    public static readonly DomainError AdminOnlyRemovePrivileged = Forbidden(ProblemCodes.AdminOnlyRemovePrivileged,
        "Only an admin can remove a manager or an admin.");

    /// <summary>Nobody changes their own role or shuts themself out: a slip would cost them their rights with nobody to see it.</summary>
    public static readonly DomainError OwnMembership = Forbidden(ProblemCodes.CannotChangeOwnMembership,
        "Ask another admin to change your own role or to deactivate you.");

    public static readonly DomainError LastActiveAdmin = new(ProblemCodes.LastActiveAdmin, DomainErrorKind.Conflict,
        "A company must keep at least one active admin: promote someone else first.");
}
