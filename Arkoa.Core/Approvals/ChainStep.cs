using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>A step of a chain as the resolver reads it (from an <see cref="ApprovalStep"/> row or the default).</summary>
public sealed record ChainStep(ApproverKind Approvers, Guid? NamedMembershipId, ApprovalMode Mode, ApprovalConditions Conditions)
{
    /// <summary>Today's single step of SPEC §10, for a company without a chain.</summary>
    public static readonly ChainStep Default = new(ApproverKind.TEAM_OR_COMPANY_MANAGERS, null, ApprovalMode.ANY, ApprovalConditions.Always);

    public static ChainStep Of(ApprovalStep step) => new(step.Approvers, step.NamedMembershipId, step.Mode, step.Conditions);
}

/// <summary>Who approves a step of one request: a member, standing in for <see cref="OnBehalfOfId"/> when delegated to.</summary>
public sealed record ResolvedApprover(Guid MembershipId, Guid? OnBehalfOfId = null);

/// <summary>
/// A step of one request with its approvers; <see cref="FellBack"/> when the step's own approvers were nobody eligible
/// and the company's admins (or, failing them, its managers) stand in.
/// </summary>
public sealed record ResolvedStep(ApproverKind Kind, ApprovalMode Mode, IReadOnlyList<ResolvedApprover> Approvers, bool FellBack);
