using Arkoa.Core.Domain;

namespace Arkoa.Core.LeaveTypes;

/// <summary>
/// The 14 built-in types as every company gets them, with the facts the code hard-wired before types were rows: only
/// PAID and RTT use a balance, every type needs approval, allows half days and counts as an absence, none may be
/// requested in the past by a member. Names are the Web's, colours its former stylesheet's (light theme).
/// </summary>
public static class BuiltInLeaveTypes
{
    private sealed record Defaults(LeaveType Code, string NameFr, string NameEn, string Colour);

    // In the order the request form offered them.
    private static readonly Defaults[] All =
    [
        new(LeaveType.PAID, "Congés payés", "Paid leave", "#1d4ed8"),
        new(LeaveType.RTT, "RTT", "RTT", "#6d28d9"),
        new(LeaveType.UNPAID, "Congé sans solde", "Unpaid leave", "#57534e"),
        new(LeaveType.SICK, "Arrêt maladie", "Sick leave", "#b91c1c"),
        new(LeaveType.CHILD_SICK, "Enfant malade", "Sick child", "#c2410c"),
        new(LeaveType.MATERNITY, "Congé maternité", "Maternity leave", "#be185d"),
        new(LeaveType.PATERNITY, "Congé paternité", "Paternity leave", "#0e7490"),
        new(LeaveType.PARENTAL, "Congé parental", "Parental leave", "#0f766e"),
        new(LeaveType.BEREAVEMENT, "Décès d'un proche", "Bereavement", "#334155"),
        new(LeaveType.MARRIAGE, "Mariage", "Marriage", "#a21caf"),
        new(LeaveType.MOVING, "Déménagement", "Moving house", "#92400e"),
        new(LeaveType.TRAINING, "Formation", "Training", "#15803d"),
        new(LeaveType.UNJUSTIFIED, "Absence injustifiée", "Unjustified absence", "#7f1d1d"),
        new(LeaveType.ADJUSTMENT, "Ajustement", "Adjustment", "#4b5563"),
    ];

    /// <summary>Health and family leaves: what a new company keeps private.</summary>
    public static readonly IReadOnlySet<LeaveType> SensitiveByDefault = new HashSet<LeaveType>
    {
        LeaveType.SICK, LeaveType.CHILD_SICK, LeaveType.MATERNITY, LeaveType.PATERNITY, LeaveType.PARENTAL, LeaveType.BEREAVEMENT,
    };

    /// <summary>The built-in rows of <paramref name="companyId"/>; <paramref name="sensitive"/> says which are private.</summary>
    public static IReadOnlyList<LeaveTypeDefinition> For(Guid companyId, IReadOnlySet<LeaveType>? sensitive = null) =>
        All.Select((d, i) => Row(companyId, d, i, (sensitive ?? SensitiveByDefault).Contains(d.Code))).ToList();

    /// <summary>Gives a new company its built-in types: the one place a company gets them (existing ones got them by migration).</summary>
    public static void SeedInto(Company company) => company.LeaveTypes.AddRange(For(company.Id));

    /// <summary>The default row of a built-in <paramref name="code"/>, for a company whose row is missing (made before types were rows by a script).</summary>
    public static LeaveTypeDefinition? Default(Guid companyId, LeaveType code)
    {
        var index = Array.FindIndex(All, d => d.Code == code);
        return index < 0 ? null : Row(companyId, All[index], index, SensitiveByDefault.Contains(code));
    }

    private static LeaveTypeDefinition Row(Guid companyId, Defaults d, int index, bool sensitive) => new()
    {
        CompanyId = companyId, Code = d.Code, NameFr = d.NameFr, NameEn = d.NameEn, Colour = d.Colour,
        Unit = LeaveTypeUnit.HALF_DAY, UsesBalance = d.Code == LeaveType.PAID || d.Code == LeaveType.RTT, Sensitive = sensitive,
        RequiresApproval = true, AllowedInPast = false, CountsAsAbsence = true, SortOrder = (index + 1) * 10,
    };
}
