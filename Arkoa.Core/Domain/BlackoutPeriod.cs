namespace Arkoa.Core.Domain;

/// <summary>
/// Dates when a company, or one team and its sub-teams, takes no leave of some types (SPEC §12): a closing, an inventory,
/// a peak season. A request of one of <see cref="LeaveTypes"/> that takes a working day in it is refused, or only warned
/// about, as <see cref="Effect"/> says.
/// </summary>
public sealed class BlackoutPeriod : Entity
{
    public const int NameMaxLength = 100;

    /// <summary>The types a new blackout covers unless the admin chooses: the leaves people plan, not sickness or family events.</summary>
    public static readonly IReadOnlyList<LeaveType> DefaultLeaveTypes = [LeaveType.PAID, LeaveType.RTT, LeaveType.UNPAID];

    public Guid CompanyId { get; set; }
    public Company? Company { get; set; }

    /// <summary>The team (with its sub-teams) the period is for, or null for the whole company.</summary>
    public Guid? TeamId { get; set; }
    public Team? Team { get; set; }

    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public LeaveType[] LeaveTypes { get; set; } = [.. DefaultLeaveTypes];
    public BlackoutEffect Effect { get; set; } = BlackoutEffect.REFUSE;
}

#pragma warning disable CA1707 // wire values
/// <summary>What a blackout period does to a request that falls in it.</summary>
public enum BlackoutEffect
{
    /// <summary>The request is refused (409 <c>blackout-period</c>).</summary>
    REFUSE,

    /// <summary>The request is allowed; the form and the approver are told.</summary>
    WARN,
}
#pragma warning restore CA1707
