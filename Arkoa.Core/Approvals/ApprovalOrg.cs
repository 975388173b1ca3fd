using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>
/// The organisation as the resolver needs it for one request (all ids are memberships of the request's company): the
/// requester, their teams and their primary team (where their own line of managers starts), the tree (each team's parent), each team's active managers, the active company managers
/// (MANAGER or ADMIN) and admins, every active member, the requester's approver set by an admin, and the company's
/// delegations.
/// </summary>
public sealed record ApprovalOrg(
    Guid RequesterId,
    IReadOnlyList<Guid> RequesterTeamIds,
    Guid? PrimaryTeamId,
    IReadOnlyDictionary<Guid, Guid?> TeamParents,
    IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> TeamManagers,
    IReadOnlyList<Guid> CompanyManagers,
    IReadOnlyList<Guid> CompanyAdmins,
    IReadOnlySet<Guid> ActiveMembers,
    Guid? MemberApprover,
    IReadOnlyList<ApprovalDelegation> Delegations);
