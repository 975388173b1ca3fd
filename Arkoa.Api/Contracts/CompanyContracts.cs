using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

public sealed record CreateCompanyRequest(
    [property: Required, StringLength(Company.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Url, StringLength(2048)] string? LogoUrl,
    [property: Range(0, Company.MaxAnnualLeaveDays)] int? AnnualLeaveDays);

/// <summary>
/// PATCH /api/companies/{id}: every field is optional and an absent (or null) one keeps its value.
/// <list type="bullet">
/// <item><c>name</c>: 1–100 characters, unique (409 when taken).</item>
/// <item><c>logoUrl</c>: an absolute http(s) URL; <c>""</c> removes it.</item>
/// <item><c>annualLeaveDays</c>: 0–50.</item>
/// <item><c>timeZone</c>: an IANA zone id such as <c>"Europe/Paris"</c>.</item>
/// <item><c>holidayCountry</c>: the region whose public holidays are closed days: <c>"FR"</c> (metropolitan France),
/// <c>"FR-ALSACE-MOSELLE"</c>, or an overseas department <c>"FR-971"</c> (Guadeloupe), <c>"FR-972"</c> (Martinique),
/// <c>"FR-973"</c> (Guyane), <c>"FR-974"</c> (La Réunion), <c>"FR-976"</c> (Mayotte); see docs/french-leave-rules.md.</item>
/// <item><c>solidarityDayWorked</c>: true makes Whit Monday the company's journée de solidarité, a working day (it is no
/// longer a public holiday in the calendar nor left out of a leave's days); false, the default, keeps it a holiday.</item>
/// <item><c>carryOverMaxDays</c>: 0–366, in whole or half days.</item>
/// <item><c>carryOverExpiresOn</c>: <c>"MM-DD"</c>, a day that exists every year (not 02-29).</item>
/// <item><c>workingDays</c>: a non-empty set of <c>"MONDAY"</c> … <c>"SUNDAY"</c>; order and repeats do not matter,
/// the response lists them Monday first.</item>
/// <item><c>sensitiveLeaveTypes</c>: the leave types (<c>"SICK"</c>…) that anyone but the person and the managers sees
/// only as an absence, with no type (calendar, iCal feed); <c>[]</c> keeps none private. A new company has SICK,
/// CHILD_SICK, MATERNITY, PATERNITY, PARENTAL and BEREAVEMENT.</item>
/// <item><c>escalateAfterWorkingDays</c>: 0 (never, the default) or 1–30: a step of an approval chain that waited this many
/// whole working days is passed on, to the next step or, at the last, to the company's admins (SPEC §11).</item>
/// </list>
/// </summary>
public sealed record UpdateCompanyRequest(
    [property: StringLength(Company.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: StringLength(2048)] string? LogoUrl,
    [property: Range(0, Company.MaxAnnualLeaveDays)] int? AnnualLeaveDays,
    [property: StringLength(64)] string? TimeZone,
    [property: StringLength(HolidayRegion.CodeMaxLength)] string? HolidayCountry,
    decimal? CarryOverMaxDays,
    [property: StringLength(5)] string? CarryOverExpiresOn,
    IReadOnlyList<WeekDay>? WorkingDays,
    IReadOnlyList<LeaveType>? SensitiveLeaveTypes,
    int? EscalateAfterWorkingDays = null,
    bool? SolidarityDayWorked = null);

/// <summary>
/// A company seen by one of its members. <c>hasLogo</c> says an uploaded logo is served at
/// <c>GET /api/companies/{id}/logo</c>; <c>workingDays</c> are <c>"MONDAY"</c> … <c>"SUNDAY"</c>, Monday first;
/// <c>sensitiveLeaveTypes</c> are the types only the person and the managers see (others see an absence);
/// <c>holidayCountry</c> is the holiday region and <c>solidarityDayWorked</c> whether Whit Monday is worked.
/// <c>pendingReviews</c> (GET of one company, for a manager; null otherwise) is how many requests wait on the caller:
/// every PENDING leave and every open request to cancel an approved leave in the company, but their own, which another
/// manager decides on.
/// </summary>
public sealed record CompanyResponse(
    Guid Id, string Name, string? LogoUrl, bool HasLogo, int AnnualLeaveDays, string TimeZone, string HolidayCountry,
    decimal CarryOverMaxDays, string CarryOverExpiresOn, IReadOnlyList<WeekDay> WorkingDays,
    IReadOnlyList<LeaveType> SensitiveLeaveTypes, int EscalateAfterWorkingDays, Guid UserMembershipId, UserRole UserRole, DateTime CreatedAt,
    int? PendingReviews = null, bool SolidarityDayWorked = false);

public sealed record CreateCompanyHolidayRequest(
    [property: Required] DateOnly? Date,
    [property: Required, StringLength(100, MinimumLength = 1)] string? Name);

/// <summary>An extra closed day of the company, on top of its country's public holidays.</summary>
public sealed record CompanyHolidayResponse(Guid Id, DateOnly Date, string Name);
