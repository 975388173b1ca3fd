using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>
/// When a chain's step applies: every condition that is set holds (an empty type set means every type): the type, more
/// than so many working days, the balance going below zero, the request falling in a blackout period (SPEC §12).
/// </summary>
public sealed record ApprovalConditions(
    IReadOnlySet<LeaveType> LeaveTypes, decimal? MoreThanDays, bool WhenBalanceGoesNegative, bool WhenInBlackout = false)
{
    public static readonly ApprovalConditions Always = new(new HashSet<LeaveType>(), null, false);

    public bool AppliesTo(ApprovalFacts facts) =>
        (LeaveTypes.Count == 0 || LeaveTypes.Contains(facts.Type))
        && (MoreThanDays is not { } days || facts.Days > days)
        && (!WhenBalanceGoesNegative || facts.BalanceAfter is < 0)
        && (!WhenInBlackout || facts.InBlackout);
}
