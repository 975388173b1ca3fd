using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Approvals;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>
/// A step of the company's approval chain (SPEC §11): who approves (<c>approvers</c>; <c>namedMembershipId</c> for
/// NAMED_MEMBER), whether ANY or ALL of them must, and when it applies: the leave types (empty: every type), more than
/// <c>moreThanDays</c> working days, whether the request takes the balance below zero, and whether it falls in a
/// blackout period (<c>whenInBlackout</c>, SPEC §12).
/// </summary>
public sealed record ApprovalStepBody(
    [property: Required] ApproverKind? Approvers,
    Guid? NamedMembershipId,
    ApprovalMode Mode = ApprovalMode.ANY,
    IReadOnlyList<LeaveType>? LeaveTypes = null,
    [property: Range(0, 366)] decimal? MoreThanDays = null,
    bool WhenBalanceGoesNegative = false,
    bool WhenInBlackout = false)
{
    public ChainStep ToChainStep() => new(Approvers!.Value, NamedMembershipId, Mode,
        new ApprovalConditions((LeaveTypes ?? []).ToHashSet(), MoreThanDays, WhenBalanceGoesNegative, WhenInBlackout));

    public static ApprovalStepBody From(ApprovalStep s) => new(s.Approvers, s.NamedMembershipId, s.Mode,
        s.LeaveTypes.Select(LeaveType.Parse).ToList(), s.MoreThanDays, s.WhenBalanceGoesNegative, s.WhenInBlackout);
}

/// <summary>PUT /approval-chain: the chain's name and its steps in order (1 to 10), replacing the company's chain.</summary>
public sealed record ApprovalChainRequest(
    [property: Required, StringLength(ApprovalChain.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Required] IReadOnlyList<ApprovalStepBody>? Steps);

/// <summary>The company's approval chain.</summary>
public sealed record ApprovalChainResponse(Guid Id, string Name, IReadOnlyList<ApprovalStepBody> Steps, DateTime UpdatedAt);

/// <summary>PUT /memberships/{membershipId}/approver: the member whose approval takes the place of the member's team managers.</summary>
public sealed record MemberApproverRequest([property: Required] Guid? ApproverMembershipId);

/// <summary>A member's approver set by an admin.</summary>
public sealed record MemberApproverResponse(Guid MembershipId, string MemberName, Guid ApproverMembershipId, string ApproverName);

/// <summary>
/// POST /approval-delegations: <c>fromMembershipId</c> (default: the caller) hands their approvals to
/// <c>toMembershipId</c> from <c>startDate</c> to <c>endDate</c>, both included.
/// </summary>
public sealed record CreateDelegationRequest(
    Guid? FromMembershipId,
    [property: Required] Guid? ToMembershipId,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate);

/// <summary>A delegation, with both people's names.</summary>
public sealed record DelegationResponse(
    Guid Id, Guid FromMembershipId, string FromName, Guid ToMembershipId, string ToName, DateOnly StartDate, DateOnly EndDate);

/// <summary>
/// Where a request following an approval chain stands (null on a request decided as SPEC §10 says): at step
/// <c>step</c> (from 1) of <c>steps</c>, and whether that step waits for the caller's decision.
/// </summary>
public sealed record LeaveApprovalSummary(int Step, int Steps, bool WaitingForYou)
{
    public static LeaveApprovalSummary? Of(Leave leave) =>
        leave.ApprovalStep is { } step ? new LeaveApprovalSummary(step + 1, leave.ApprovalStepCount, false) : null;
}

/// <summary>An approver of a step: who, on behalf of whom (a delegation), and their decision if they took one.</summary>
public sealed record StepApproverResponse(
    Guid MembershipId, string Name, Guid? OnBehalfOfId, string? OnBehalfOfName,
    StepDecision? Decision, DateTime? DecidedAt, string? Note);

/// <summary>
/// A step of a request: its place (from 1), who approves and how (ANY or ALL), each approver's decision, and when the
/// Worker passed it on for waiting longer than the company's limit (<c>escalatedAt</c>, SPEC §11), if it did.
/// </summary>
public sealed record LeaveApprovalStepResponse(
    int Step, ApproverKind Kind, ApprovalMode Mode, IReadOnlyList<StepApproverResponse> Approvers, DateTime? EscalatedAt = null);

/// <summary>
/// GET /leaves/{leaveId}/approval: a request's progress through its chain (this round: an edit starts a new one): the
/// current step (from 1; null once decided or without a chain), every step with its approvers and decisions.
/// </summary>
public sealed record LeaveApprovalResponse(Guid LeaveId, LeaveStatus Status, int? CurrentStep, int Steps, bool WaitingForYou,
    IReadOnlyList<LeaveApprovalStepResponse> StepList);
