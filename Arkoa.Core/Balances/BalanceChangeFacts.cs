using Arkoa.Core.Domain;

namespace Arkoa.Core.Balances;

/// <summary>Why a balance changed, the one fact every ledger entry's <see cref="BalanceChangeFacts"/> has.</summary>
public enum BalanceChangeCause
{
    /// <summary>A leave was requested (or, after an edit across types, its new type deducted).</summary>
    LEAVE_REQUESTED,
    /// <summary>A pending leave changed: <see cref="BalanceChangeFacts.Before"/> became <see cref="BalanceChangeFacts.Leave"/>.</summary>
    LEAVE_EDITED,
    LEAVE_REJECTED,
    LEAVE_CANCELED,
    /// <summary>A pending leave withdrawn by its owner.</summary>
    LEAVE_DELETED,
    /// <summary>A pending leave canceled because its owner erased their account.</summary>
    LEAVE_CANCELED_ON_ERASURE,
    /// <summary>The prorated credit of a new member (<see cref="BalanceChangeFacts.AnnualDays"/> a year from <see cref="BalanceChangeFacts.Date"/>).</summary>
    INITIAL_CREDIT,
    /// <summary>The year change closes last year's balance (<see cref="BalanceChangeFacts.Left"/> days).</summary>
    YEAR_CLOSED,
    /// <summary>The year change carries <see cref="BalanceChangeFacts.Carried"/> of the <see cref="BalanceChangeFacts.Left"/> days over, until <see cref="BalanceChangeFacts.Date"/>.</summary>
    CARRIED_OVER,
    /// <summary>The year's credit of <see cref="BalanceChangeFacts.AnnualDays"/>.</summary>
    YEARLY_CREDIT,
    /// <summary>Carried-over days not taken before <see cref="BalanceChangeFacts.Date"/> expire.</summary>
    CARRY_OVER_EXPIRED,
    /// <summary>A manager's adjustment; its words are the manager's own reason.</summary>
    MANUAL,
}

/// <summary>A leave as a ledger entry names it: type, first and last day, working days counted.</summary>
public sealed record LeaveFacts(LeaveType Type, DateOnly Start, DateOnly End, decimal Days)
{
    public static LeaveFacts Of(Leave leave) => new(leave.Type, leave.StartDate, leave.EndDate, leave.Days);
}

/// <summary>
/// What a ledger entry is about, as facts rather than sentences, so each reader sees them in their own language and
/// format (issue 14 §5); the entry's English <see cref="LeaveBalanceHistory.Reason"/> stays for exports and for entries
/// written before facts existed. No free text: facts stay when a person's account is erased, like their leaves' dates
/// and types. Only the fields the <see cref="Cause"/> names are set. Not covered by the ledger hash.
/// </summary>
public sealed record BalanceChangeFacts
{
    public required BalanceChangeCause Cause { get; init; }

    /// <summary>The leave the entry is about, as it is after the change.</summary>
    public LeaveFacts? Leave { get; init; }

    /// <summary>An edited leave as it was before.</summary>
    public LeaveFacts? Before { get; init; }

    /// <summary>The year a yearly job ran for.</summary>
    public int? Year { get; init; }

    /// <summary>The company's days a year.</summary>
    public decimal? AnnualDays { get; init; }

    /// <summary>Days left in the balance when last year closed.</summary>
    public decimal? Left { get; init; }

    /// <summary>Days carried over into the year.</summary>
    public decimal? Carried { get; init; }

    /// <summary>The most days a year change carries over.</summary>
    public decimal? Cap { get; init; }

    /// <summary>Carried-over days expiring.</summary>
    public decimal? Expired { get; init; }

    /// <summary>Days taken since the year change, counted against the carried-over days.</summary>
    public decimal? Taken { get; init; }

    /// <summary>The day the cause names: a new member's first day, or when carried-over days expire.</summary>
    public DateOnly? Date { get; init; }

    public static BalanceChangeFacts ForLeave(BalanceChangeCause cause, LeaveFacts leave, LeaveFacts? before = null) =>
        new() { Cause = cause, Leave = leave, Before = before };
}
