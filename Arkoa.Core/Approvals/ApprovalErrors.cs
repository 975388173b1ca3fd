using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>
/// Every refusal of a change to a company's approval chain, a member's approver or a delegation (SPEC §11), with its
/// stable code. The messages are the Api's English sentences; the Web localises by code.
/// </summary>
public static class ApprovalErrors
{
    public static readonly DomainError AdminOnly = new(ProblemCodes.AdminOnlyApprovals, DomainErrorKind.Forbidden,
        "Only an admin can change the approval chain or a member's approver.");

    public static readonly DomainError ChainNotFound = new(ProblemCodes.ApprovalChainNotFound, DomainErrorKind.NotFound,
        "This company has no approval chain.");

    public static readonly DomainError NameBlank = new(ProblemCodes.NameBlank, DomainErrorKind.Validation, "The name cannot be blank.", "name");

    public static readonly DomainError Steps = new(ProblemCodes.ApprovalChainSteps, DomainErrorKind.Validation,
        $"A chain has 1 to {ApprovalChain.MaxSteps} steps.", "steps", new Dictionary<string, object?> { ["max"] = ApprovalChain.MaxSteps });

    /// <summary>A NAMED_MEMBER step without an active member of the company, or a member named on another kind of step.</summary>
    public static DomainError StepMember(int position) => new(ProblemCodes.ApprovalStepMember, DomainErrorKind.Validation,
        $"Step {position + 1} names a member only when its approvers are NAMED_MEMBER, and then an active member of the company.",
        "steps", new Dictionary<string, object?> { ["step"] = position + 1 });

    /// <summary>An approver or delegate who is not another active member of the company.</summary>
    public static DomainError ApproverInvalid(string field) => new(ProblemCodes.ApprovalApproverInvalid, DomainErrorKind.Validation,
        "The approver must be another active member of the company.", field);

    public static readonly DomainError DelegationDates = new(ProblemCodes.DelegationDates, DomainErrorKind.Validation,
        "The delegation ends on or after its first day, and has not ended yet.", "endDate");

    public static readonly DomainError DelegationNotYours = new(ProblemCodes.DelegationNotYours, DomainErrorKind.Forbidden,
        "You can delegate only your own approvals, unless you are an admin.");

    public static readonly DomainError DelegationNotFound = new(ProblemCodes.DelegationNotFound, DomainErrorKind.NotFound,
        "The delegation was not found.");
}
