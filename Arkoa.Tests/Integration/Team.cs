using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>A company with an admin and members, each with their own Api session.</summary>
public sealed record Team(ApiSession Admin, string CompanyId, string AdminMembershipId)
{
    public static async Task<Team> CreateAsync(ArkoaAppFixture app, int annualLeaveDays = 0)
    {
        var admin = await ApiSession.SignUpAsync(app, "Ada Admin");
        var (companyId, membershipId) = await admin.CreateCompanyAsync(annualLeaveDays);
        return new Team(admin, companyId, membershipId);
    }

    /// <summary>Signs a new user up and makes them a member (membership row written directly; returns their membership id).</summary>
    public async Task<(ApiSession Member, string MembershipId)> AddMemberAsync(ArkoaAppFixture app, string role = "EMPLOYEE", string name = "Eve Employee")
    {
        var member = await ApiSession.SignUpAsync(app, name);
        var membershipId = Guid.NewGuid().ToString();
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO memberships (id, user_id, company_id, role, active, joined_on, created_at, updated_at)
            VALUES ($1::uuid, $2::uuid, $3::uuid, $4, true, CURRENT_DATE, now(), now())
            """, connection);
        insert.Parameters.AddWithValue(membershipId);
        insert.Parameters.AddWithValue(member.UserId);
        insert.Parameters.AddWithValue(CompanyId);
        insert.Parameters.AddWithValue(role);
        await insert.ExecuteNonQueryAsync();
        return (member, membershipId);
    }

    public string LeavesUrl(string membershipId) => $"/api/companies/{CompanyId}/memberships/{membershipId}/leaves";

    public string ReviewUrl(string leaveId) => $"/api/companies/{CompanyId}/leaves/{leaveId}/review";
}
