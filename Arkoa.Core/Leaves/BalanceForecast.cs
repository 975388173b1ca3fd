using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// What a request would leave of its balance, shown before it is sent ("balance after: 2.5 days"), by the same rule
/// the leave applies when it is submitted or edited (SPEC §4): a leave of a type that uses a balance (PAID, RTT, or a
/// company's own) takes its days from the balance of its type, and a pending leave being edited gives its own days back first when it keeps its type.
/// </summary>
public static class BalanceForecast
{
    /// <summary>The balance left after the request, negative when it does not fit; null for a type without a balance.</summary>
    /// <param name="usesBalance">Whether the company's row for <paramref name="type"/> says it uses a balance.</param>
    /// <param name="remaining">The member's balance of <paramref name="type"/> now (the edited leave's days already taken from it).</param>
    /// <param name="edited">The type and days of the pending leave being edited, if any.</param>
    public static decimal? After(LeaveType type, bool usesBalance, decimal days, decimal remaining, (LeaveType Type, decimal Days)? edited = null)
    {
        if (!usesBalance) return null;
        var givenBack = edited is { } leave && leave.Type == type ? leave.Days : 0;
        return remaining + givenBack - days;
    }
}
