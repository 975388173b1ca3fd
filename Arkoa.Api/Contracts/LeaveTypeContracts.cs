using System.ComponentModel.DataAnnotations;
using Arkoa.Api.Http;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;

namespace Arkoa.Api.Contracts;

/// <summary>
/// A company's leave type as every member reads it: its code (what leaves and balances carry), names, colour, unit and
/// the rules it sets. <c>builtIn</c>: one of the 14 every company has (its code never changes, it is never deleted).
/// </summary>
public sealed record LeaveTypeResponse(
    LeaveType Code, string NameFr, string NameEn, string Colour, LeaveTypeUnit Unit, bool UsesBalance, bool Sensitive,
    bool RequiresApproval, int? MaxConsecutiveDays, bool AllowedInPast, bool CountsAsAbsence, bool RequiresDocument,
    int SortOrder, bool BuiltIn, DateTime? ArchivedAt)
{
    public static LeaveTypeResponse From(LeaveTypeDefinition t) => new(
        t.Code, t.NameFr, t.NameEn, t.Colour, t.Unit, t.UsesBalance, t.Sensitive, t.RequiresApproval, t.MaxConsecutiveDays,
        t.AllowedInPast, t.CountsAsAbsence, t.RequiresDocument, t.SortOrder, t.Code.IsBuiltIn, t.ArchivedAt);
}

/// <summary>
/// Every field of a leave type but its code. <c>unit</c>: DAY (whole days), HALF_DAY (half days allowed), HOUR (kept for
/// when work schedules exist: requests of it are refused until then). <c>maxConsecutiveDays</c>: the most working days one
/// leave may count (null: no limit). <c>requiresDocument</c> is recorded but not enforced: attachments do not exist yet.
/// </summary>
public record LeaveTypeRequest(
    [property: Required, StringLength(LeaveTypeDefinition.NameMaxLength, MinimumLength = 1)] string? NameFr,
    [property: Required, StringLength(LeaveTypeDefinition.NameMaxLength, MinimumLength = 1)] string? NameEn,
    [property: Required, ChoicePattern("^#[0-9a-fA-F]{6}$", ErrorMessage = "The colour must be written #rrggbb.")] string? Colour,
    [property: Required] LeaveTypeUnit? Unit,
    bool UsesBalance = false,
    bool Sensitive = false,
    bool RequiresApproval = true,
    [property: Range(1, 366)] int? MaxConsecutiveDays = null,
    bool AllowedInPast = false,
    bool CountsAsAbsence = true,
    bool RequiresDocument = false,
    [property: Range(0, 10_000)] int SortOrder = 1_000)
{
    public LeaveTypeFields Fields() => new(NameFr!, NameEn!, Colour!, Unit!.Value, UsesBalance, Sensitive, RequiresApproval,
        MaxConsecutiveDays, AllowedInPast, CountsAsAbsence, RequiresDocument, SortOrder);
}

/// <summary>A new type: its code (2–20 of A–Z, 0–9 and _, not a built-in's nor another of the company's) and its fields.</summary>
public sealed record CreateLeaveTypeRequest(
    [property: Required] LeaveType? Code,
    string? NameFr, string? NameEn, string? Colour, LeaveTypeUnit? Unit,
    bool UsesBalance = false, bool Sensitive = false, bool RequiresApproval = true, int? MaxConsecutiveDays = null,
    bool AllowedInPast = false, bool CountsAsAbsence = true, bool RequiresDocument = false, int SortOrder = 1_000)
    : LeaveTypeRequest(NameFr, NameEn, Colour, Unit, UsesBalance, Sensitive, RequiresApproval, MaxConsecutiveDays, AllowedInPast,
        CountsAsAbsence, RequiresDocument, SortOrder);
