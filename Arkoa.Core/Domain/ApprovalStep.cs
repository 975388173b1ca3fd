using Arkoa.Core.Approvals;

namespace Arkoa.Core.Domain;

/// <summary>
/// One step of an <see cref="ApprovalChain"/>: who approves (<see cref="Approvers"/>, with <see cref="NamedMembershipId"/>
/// for a named member), whether one or all of them must (<see cref="Mode"/>), and when the step applies to a request
/// (every condition set must hold; none set: always).
/// </summary>
public sealed class ApprovalStep : Entity
{
    public Guid ChainId { get; set; }

    /// <summary>0 for the first step.</summary>
    public int Position { get; set; }
    public ApproverKind Approvers { get; set; }
    public Guid? NamedMembershipId { get; set; }
    public ApprovalMode Mode { get; set; }

    /// <summary>The leave types the step applies to (their wire names); empty for every type.</summary>
    public List<string> LeaveTypes { get; set; } = [];

    /// <summary>The step applies only to requests of more working days than this, when set.</summary>
    public decimal? MoreThanDays { get; set; }

    /// <summary>The step applies only when the request takes the balance below zero.</summary>
    public bool WhenBalanceGoesNegative { get; set; }

    /// <summary>The step applies only when the request falls in a blackout period reaching the member (SPEC §12).</summary>
    public bool WhenInBlackout { get; set; }

    /// <summary>The step's conditions as the resolver reads them.</summary>
    public ApprovalConditions Conditions => new(
        LeaveTypes.Select(LeaveType.Parse).ToHashSet(), MoreThanDays, WhenBalanceGoesNegative, WhenInBlackout);
}
