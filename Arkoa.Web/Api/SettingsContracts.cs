namespace Arkoa.Web.Api;

// Wire shapes of the company settings page: the company's changes (the company itself is Company), its own holidays.

/// <summary>PATCH /api/companies/{id}: what the form sends (all of it, the Api keeps nothing it was not sent).</summary>
internal sealed record UpdateCompanyRequest(
    string Name, int? AnnualLeaveDays, string TimeZone, string HolidayCountry, decimal? CarryOverMaxDays,
    string CarryOverExpiresOn, IReadOnlyList<string> WorkingDays, IReadOnlyList<string> SensitiveLeaveTypes, int? EscalateAfterWorkingDays,
    bool SolidarityDayWorked);

public sealed record CompanyHoliday(string Id, DateOnly Date, string Name);

internal sealed record CreateHolidayRequest(DateOnly Date, string Name);
