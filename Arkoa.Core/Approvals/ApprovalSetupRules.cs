using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>
/// Checks a change to the approval set-up (SPEC §11): the chain and members' approvers are an admin's; anyone delegates
/// their own approvals, an admin anyone's; every person named is an active member of the company.
/// </summary>
public static class ApprovalSetupRules
{
    /// <summary>A chain: an admin, a name, 1 to <see cref="ApprovalChain.MaxSteps"/> steps, a named member exactly on NAMED_MEMBER steps.</summary>
    public static DomainError? CheckChain(Membership caller, string? name, IReadOnlyList<ChainStep> steps, IReadOnlySet<Guid> activeMembers)
    {
        if (caller.Role != UserRole.ADMIN) return ApprovalErrors.AdminOnly;
        if (string.IsNullOrWhiteSpace(name)) return ApprovalErrors.NameBlank;
        if (steps.Count is 0 or > ApprovalChain.MaxSteps) return ApprovalErrors.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var named = steps[i].Approvers == ApproverKind.NAMED_MEMBER;
            if (named != steps[i].NamedMembershipId.HasValue) return ApprovalErrors.StepMember(i);
            if (named && !activeMembers.Contains(steps[i].NamedMembershipId!.Value)) return ApprovalErrors.StepMember(i);
        }
        return null;
    }

    /// <summary>A member's approver: an admin, another active member than the member.</summary>
    public static DomainError? CheckMemberApprover(Membership caller, Guid membershipId, Guid approverId, IReadOnlySet<Guid> activeMembers) =>
        caller.Role != UserRole.ADMIN ? ApprovalErrors.AdminOnly
        : approverId == membershipId || !activeMembers.Contains(approverId) ? ApprovalErrors.ApproverInvalid("approverMembershipId")
        : null;

    /// <summary>
    /// A delegation: one's own (an admin's for anyone), to another active member, ending on or after its start and not
    /// before the company's <paramref name="today"/>.
    /// </summary>
    public static DomainError? CheckDelegation(Membership caller, Guid fromId, Guid toId, DateOnly start, DateOnly end,
        DateOnly today, IReadOnlySet<Guid> activeMembers) =>
        fromId != caller.Id && caller.Role != UserRole.ADMIN ? ApprovalErrors.DelegationNotYours
        : toId == fromId || !activeMembers.Contains(toId) || !activeMembers.Contains(fromId) ? ApprovalErrors.ApproverInvalid("toMembershipId")
        : end < start || end < today ? ApprovalErrors.DelegationDates
        : null;

    /// <summary>Ending a delegation: the delegator or an admin.</summary>
    public static DomainError? CheckEndDelegation(Membership caller, ApprovalDelegation delegation) =>
        delegation.FromMembershipId != caller.Id && caller.Role != UserRole.ADMIN ? ApprovalErrors.DelegationNotYours : null;
}
