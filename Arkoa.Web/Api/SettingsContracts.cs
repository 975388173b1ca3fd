namespace Arkoa.Web.Api;

// Wire shapes of the company settings page: the company as its admin edits it, and its own holidays.

/// <summary>
/// Every setting of a company (GET /api/companies/{id}); working days are "MONDAY" … "SUNDAY", sensitive leave types
/// ("SICK"…) those only the person and the managers see.
/// </summary>
public sealed record CompanySettings(
    string Id, string Name, int AnnualLeaveDays, string TimeZone, string HolidayCountry, decimal CarryOverMaxDays,
    string CarryOverExpiresOn, IReadOnlyList<string> WorkingDays, IReadOnlyList<string> SensitiveLeaveTypes, bool HasLogo);

/// <summary>PATCH /api/companies/{id}: what the form sends (all of it, the Api keeps nothing it was not sent).</summary>
internal sealed record UpdateCompanyRequest(
    string Name, int? AnnualLeaveDays, string TimeZone, string HolidayCountry, decimal? CarryOverMaxDays,
    string CarryOverExpiresOn, IReadOnlyList<string> WorkingDays, IReadOnlyList<string> SensitiveLeaveTypes);

public sealed record CompanyHoliday(string Id, DateOnly Date, string Name);

public sealed record CompanyHolidayList(IReadOnlyList<CompanyHoliday> Items, int Total, int Page, int PageSize);

internal sealed record CreateHolidayRequest(DateOnly Date, string Name);
