using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>When a chain's step applies: every condition that is set holds (an empty type set means every type).</summary>
public sealed record ApprovalConditions(IReadOnlySet<LeaveType> LeaveTypes, decimal? MoreThanDays, bool WhenBalanceGoesNegative)
{
    public static readonly ApprovalConditions Always = new(new HashSet<LeaveType>(), null, false);

    public bool AppliesTo(ApprovalFacts facts) =>
        (LeaveTypes.Count == 0 || LeaveTypes.Contains(facts.Type))
        && (MoreThanDays is not { } days || facts.Days > days)
        && (!WhenBalanceGoesNegative || facts.BalanceAfter is < 0);
}
