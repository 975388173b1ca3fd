using Arkoa.Web.Api;

namespace Arkoa.Web.Components.Members;

/// <summary>
/// Which actions the team page offers on a member's row: only those the Api would accept. A company keeps an active
/// admin (SPEC §1) and the caller, an active admin or manager, is that admin when it is the last; so the caller's own
/// row offers nothing (another admin changes it), and a manager acts on employees only.
/// </summary>
public static class MemberActions
{
    public static bool IsCaller(Company company, TeamMember member) => member.Id == company.UserMembershipId;

    public static bool MayChangeRole(Company company, TeamMember member) =>
        company.UserRole == "ADMIN" && !IsCaller(company, member);

    public static bool MaySetActive(Company company, TeamMember member) =>
        (company.UserRole == "ADMIN" || member.Role == "EMPLOYEE") && !IsCaller(company, member);
}
