namespace Arkoa.Core.Domain;

public sealed class Leave : Entity
{
    public const int TextMaxLength = 500;

    public Guid MembershipId { get; set; }
    public Membership? Membership { get; set; }
    public LeaveType Type { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public HalfDayPeriod? StartHalf { get; set; }
    public HalfDayPeriod? EndHalf { get; set; }

    /// <summary>Counted working days, computed when the leave is written.</summary>
    public decimal Days { get; set; }
    public LeaveStatus Status { get; set; } = LeaveStatus.PENDING;
    public string? Reason { get; set; }
    public string? ManagerNote { get; set; }
    public Guid? ReviewedById { get; set; }
    public DateTime? ReviewedAt { get; set; }

    /// <summary>Optimistic concurrency token: a stale edit or review fails instead of overwriting.</summary>
    public int Version { get; set; }

    /// <summary>
    /// When the leave was deleted (a PENDING request withdrawn), or null. The row stays, because its balance history
    /// names it (SPEC §2: history is append-only), but no query sees it (a query filter of the model).
    /// </summary>
    public DateTime? DeletedAt { get; set; }
}
