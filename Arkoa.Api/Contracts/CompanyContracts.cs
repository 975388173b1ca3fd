using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

public sealed record CreateCompanyRequest(
    [property: Required, StringLength(Company.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Url, StringLength(2048)] string? LogoUrl,
    [property: Range(0, Company.MaxAnnualLeaveDays)] int? AnnualLeaveDays);

public sealed record CompanyResponse(
    Guid Id, string Name, string? LogoUrl, int AnnualLeaveDays, string TimeZone, string HolidayCountry,
    decimal CarryOverMaxDays, string CarryOverExpiresOn, IReadOnlyList<DayOfWeek> WorkingDays,
    Guid UserMembershipId, UserRole UserRole, DateTime CreatedAt);
