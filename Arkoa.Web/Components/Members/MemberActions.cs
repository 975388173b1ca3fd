using Arkoa.Web.Api;

namespace Arkoa.Web.Components.Members;

/// <summary>
/// How the team page marks a member's row. Which actions it offers is the Api's answer (<see cref="TeamMember.Allows"/>),
/// never a rule of the Web's own.
/// </summary>
public static class MemberActions
{
    /// <summary>The caller's own row, marked "(you)".</summary>
    public static bool IsCaller(Company company, TeamMember member) => member.Id == company.UserMembershipId;
}
