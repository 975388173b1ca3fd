namespace Arkoa.Tests.Integration;

/// <summary>A company with an admin and members, each with their own Api session.</summary>
public sealed record LeaveTeam(ApiSession Admin, string CompanyId, string AdminMembershipId)
{
    public static async Task<LeaveTeam> CreateAsync(IArkoaApi app, int annualLeaveDays = 0)
    {
        var admin = await ApiSession.SignUpAsync(app, "Ada Admin");
        var (companyId, membershipId) = await admin.CreateCompanyAsync(annualLeaveDays);
        return new LeaveTeam(admin, companyId, membershipId);
    }

    /// <summary>Signs a new user up and has them join the company through the Api (invited, then accepting); returns their session and membership id.</summary>
    public async Task<(ApiSession Member, string MembershipId)> AddMemberAsync(IArkoaApi app, string role = "EMPLOYEE", string name = "Eve Employee")
    {
        var member = await ApiSession.SignUpAsync(app, name);
        return (member, await Admin.AddMemberAsync(CompanyId, member, role));
    }

    public string LeavesUrl(string membershipId) => $"/api/companies/{CompanyId}/memberships/{membershipId}/leaves";

    public string ReviewUrl(string leaveId) => $"/api/companies/{CompanyId}/leaves/{leaveId}/review";
}
