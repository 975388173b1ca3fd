namespace Arkoa.Web.Api;

// Wire shapes of the Api's /api/companies endpoints (JSON, camelCase).

/// <summary>A company seen by one of its members; <see cref="UserRole"/> is EMPLOYEE, MANAGER or ADMIN.</summary>
public sealed record Company(
    string Id,
    string Name,
    int AnnualLeaveDays,
    string? TimeZone,
    string? HolidayCountry,
    string UserMembershipId,
    string UserRole)
{
    /// <summary>The caller manages this company (MANAGER or ADMIN): which pages and links to offer, not what the Api allows.</summary>
    public bool IsManager => UserRole is "MANAGER" or "ADMIN";
}

public sealed record CompanyList(IReadOnlyList<Company> Items, int Total, int Page, int PageSize);

internal sealed record CreateCompanyRequest(string Name, int AnnualLeaveDays);
