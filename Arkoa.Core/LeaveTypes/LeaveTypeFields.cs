using Arkoa.Core.Domain;

namespace Arkoa.Core.LeaveTypes;

/// <summary>What an admin sets on a leave type, everything but its code (which never changes once made).</summary>
public sealed record LeaveTypeFields(
    string NameFr, string NameEn, string Colour, LeaveTypeUnit Unit, bool UsesBalance, bool Sensitive, bool RequiresApproval,
    int? MaxConsecutiveDays, bool AllowedInPast, bool CountsAsAbsence, bool RequiresDocument, int SortOrder)
{
    /// <summary>Writes the fields on <paramref name="row"/>, names trimmed and the colour lower-cased as the database keeps them.</summary>
    internal void ApplyTo(LeaveTypeDefinition row)
    {
        (row.NameFr, row.NameEn, row.Colour, row.Unit) = (NameFr.Trim(), NameEn.Trim(), Colour.ToLowerInvariant(), Unit);
        (row.UsesBalance, row.Sensitive, row.RequiresApproval, row.MaxConsecutiveDays) = (UsesBalance, Sensitive, RequiresApproval, MaxConsecutiveDays);
        (row.AllowedInPast, row.CountsAsAbsence, row.RequiresDocument, row.SortOrder) = (AllowedInPast, CountsAsAbsence, RequiresDocument, SortOrder);
    }
}
