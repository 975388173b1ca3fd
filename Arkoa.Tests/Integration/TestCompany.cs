namespace Arkoa.Tests.Integration;

/// <summary>
/// The one test kit for companies and their members: a company made through the Api by its admin, each member with
/// their own Api session, joined the one way the Api allows (invited, then accepting). <see cref="Team"/> adds a
/// manager and an employee to it.
/// </summary>
public record TestCompany(ApiSession Admin, string CompanyId, string AdminMembershipId)
{
    /// <summary>A company whose admin is its only member (no PAID days unless asked: most leave tests credit what they spend).</summary>
    public static async Task<TestCompany> CreateAsync(IArkoaApi app, int annualLeaveDays = 0)
    {
        var admin = await ApiSession.SignUpAsync(app, "Ada Admin");
        var (companyId, membershipId) = await admin.CreateCompanyAsync(annualLeaveDays);
        return new TestCompany(admin, companyId, membershipId);
    }

    /// <summary>Signs a new user up and has them join the company; returns their session and membership id.</summary>
    public async Task<(ApiSession Member, string MembershipId)> AddMemberAsync(IArkoaApi app, string role = "EMPLOYEE", string name = "Eve Employee")
    {
        var member = await ApiSession.SignUpAsync(app, name);
        return (member, await Admin.AddMemberAsync(CompanyId, member, role));
    }

    /// <inheritdoc cref="CompanyTestKit.AnotherAdminAsync"/>
    public Task<ApiSession> AnotherAdminAsync(IArkoaApi app) => app.AnotherAdminAsync(Admin, CompanyId);

    public string Url(string path = "") => $"/api/companies/{CompanyId}{path}";

    public string LeavesUrl(string membershipId) => Url($"/memberships/{membershipId}/leaves");

    public string ReviewUrl(string leaveId) => Url($"/leaves/{leaveId}/review");
}

/// <summary>A company with one member of each role (<see cref="CompanyTestKit.CreateTeamAsync"/>).</summary>
public sealed record Team(
    string CompanyId,
    ApiSession Admin, string AdminMembershipId,
    ApiSession Manager, string ManagerMembershipId,
    ApiSession Employee, string EmployeeMembershipId) : TestCompany(Admin, CompanyId, AdminMembershipId);
