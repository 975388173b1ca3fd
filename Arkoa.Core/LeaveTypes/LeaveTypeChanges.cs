using Arkoa.Core.Domain;

namespace Arkoa.Core.LeaveTypes;

/// <summary>
/// What an admin may do with the company's leave types (issue 17): add one under a new code, edit any field but the
/// code, archive and unarchive, and delete only a type of the company's own that nothing uses. "Used" means a leave
/// (deleted ones too, whose history names it) or a balance of the type exists.
/// </summary>
public static class LeaveTypeChanges
{
    /// <summary>A new type of <paramref name="companyId"/> under <paramref name="code"/>, unless a built-in or one of <paramref name="existing"/> has it.</summary>
    public static (LeaveTypeDefinition? Row, DomainError? Error) Create(
        Guid companyId, LeaveType code, LeaveTypeFields fields, CompanyLeaveTypes existing)
    {
        if (code.IsBuiltIn || existing.Find(code) is not null) return (null, LeaveTypeErrors.CodeTaken(code));
        var row = new LeaveTypeDefinition { CompanyId = companyId, Code = code, NameFr = "", NameEn = "", Colour = "" };
        fields.ApplyTo(row);
        return (row, null);
    }

    /// <summary>
    /// New fields for <paramref name="row"/>. A used type keeps whether it uses a balance: its leaves' deductions and
    /// refunds, and its members' balances, were made under that rule.
    /// </summary>
    public static DomainError? Edit(LeaveTypeDefinition row, LeaveTypeFields fields, bool inUse)
    {
        if (inUse && fields.UsesBalance != row.UsesBalance) return LeaveTypeErrors.BalanceInUse(row.Code);
        fields.ApplyTo(row);
        return null;
    }

    /// <summary>Why <paramref name="row"/> may not be deleted (archive it instead), or null.</summary>
    public static DomainError? DeleteRefusal(LeaveTypeDefinition row, bool inUse) =>
        row.Code.IsBuiltIn ? LeaveTypeErrors.BuiltIn(row.Code) : inUse ? LeaveTypeErrors.InUse(row.Code) : null;

    /// <summary>Archives (<paramref name="archived"/>) or brings back the type; archiving again keeps the first instant.</summary>
    public static void SetArchived(LeaveTypeDefinition row, bool archived, DateTime now) =>
        row.ArchivedAt = archived ? row.ArchivedAt ?? now : null;
}
