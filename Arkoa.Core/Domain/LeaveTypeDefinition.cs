namespace Arkoa.Core.Domain;

#pragma warning disable CA1707 // identifiers contain underscores: they are wire values

/// <summary>How a leave type is counted.</summary>
public enum LeaveTypeUnit
{
    /// <summary>Whole days only: no half day at either end.</summary>
    DAY,

    /// <summary>Days, with a half day allowed at either end (every built-in type).</summary>
    HALF_DAY,

    /// <summary>Counted in hours once work schedules exist; until then no request of such a type is accepted.</summary>
    HOUR,
}

/// <summary>
/// One leave type of a company (issue 17): one of the 14 built-ins, seeded with every company, or one an admin added.
/// Its <see cref="Code"/> is what leaves, balances and history store; everything else here is what the rules read
/// about the type. A type that has leaves is archived (<see cref="ArchivedAt"/>), never deleted.
/// </summary>
public sealed class LeaveTypeDefinition : Entity
{
    public const int NameMaxLength = 60;

    public Guid CompanyId { get; set; }
    public LeaveType Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }

    /// <summary>#rrggbb, lower-case.</summary>
    public required string Colour { get; set; }

    public LeaveTypeUnit Unit { get; set; } = LeaveTypeUnit.HALF_DAY;

    /// <summary>Its leaves are deducted from (and refunded to) the member's balance of this type.</summary>
    public bool UsesBalance { get; set; }

    /// <summary>Anyone but the person and the managers sees its leaves as "Absent" (no type).</summary>
    public bool Sensitive { get; set; }

    /// <summary>False: a request is APPROVED as it is submitted, nobody decides it.</summary>
    public bool RequiresApproval { get; set; } = true;

    /// <summary>The most working days one leave of this type may count; null: no limit but the general one.</summary>
    public int? MaxConsecutiveDays { get; set; }

    /// <summary>A member may request it for dates before the company's today (e.g. a sickness); otherwise only a manager records those.</summary>
    public bool AllowedInPast { get; set; }

    /// <summary>Its leaves count as absences in the statistics ("on leave", the monthly absences chart).</summary>
    public bool CountsAsAbsence { get; set; } = true;

    /// <summary>A supporting document is expected with a request (not enforced yet: attachments do not exist).</summary>
    public bool RequiresDocument { get; set; }

    /// <summary>Set when archived: no new request takes it; its leaves stay and display.</summary>
    public DateTime? ArchivedAt { get; set; }

    /// <summary>Where it comes in lists (the request form, the legends), then by code.</summary>
    public int SortOrder { get; set; }

    public bool IsArchived => ArchivedAt is not null;

    /// <summary>The name in <paramref name="language"/> (<c>en</c>, otherwise French).</summary>
    public string NameIn(string? language) =>
        language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? NameEn : NameFr;
}
