namespace Arkoa.Web.Api;

// Wire shapes of the Api's /api/companies endpoints (JSON, camelCase).

/// <summary>
/// A company seen by one of its members (GET /api/companies/{id}, and each item of GET /api/companies):
/// <see cref="UserRole"/> is EMPLOYEE, MANAGER or ADMIN; working days are "MONDAY" … "SUNDAY", the days leaves count
/// on; sensitive leave types ("SICK"…) those only the person and the managers see; <see cref="PendingReviews"/> the
/// requests waiting on the caller, when they manage the company (GET of one company only).
/// </summary>
public sealed record Company(
    string Id,
    string Name,
    int AnnualLeaveDays,
    string TimeZone,
    string HolidayCountry,
    decimal CarryOverMaxDays,
    string CarryOverExpiresOn,
    IReadOnlyList<string> WorkingDays,
    IReadOnlyList<string> SensitiveLeaveTypes,
    bool HasLogo,
    string UserMembershipId,
    string UserRole,
    int? PendingReviews = null,
    int EscalateAfterWorkingDays = 0,
    bool SolidarityDayWorked = false)
{
    /// <summary>The caller manages this company (MANAGER or ADMIN): which pages and links to offer, not what the Api allows.</summary>
    public bool IsManager => UserRole is "MANAGER" or "ADMIN";

    /// <summary>
    /// The caller decides leave requests: a company manager, or a team manager (SPEC §10), to whom the Api gives a
    /// <see cref="PendingReviews"/> count as it does to managers (an employee who manages no team gets none).
    /// </summary>
    public bool DecidesLeaves => IsManager || PendingReviews is not null;
}

internal sealed record CreateCompanyRequest(string Name, int AnnualLeaveDays);
