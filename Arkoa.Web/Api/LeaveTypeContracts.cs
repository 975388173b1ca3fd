namespace Arkoa.Web.Api;

/// <summary>One of the company's leave types as the Api lists them (GET …/leave-types): what the pages name and offer.</summary>
public sealed record LeaveTypeInfo(
    string Code, string NameFr, string NameEn, string Colour, string Unit, bool UsesBalance, bool Sensitive, bool RequiresApproval,
    int? MaxConsecutiveDays, bool AllowedInPast, bool CountsAsAbsence, bool RequiresDocument, int SortOrder, bool BuiltIn, DateTime? ArchivedAt);
