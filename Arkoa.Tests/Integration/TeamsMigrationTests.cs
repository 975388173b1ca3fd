using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The migration that brought teams (SPEC §10), run on a database holding companies from before it: each gets one
/// default team with every member (their primary team) and its MANAGERs and ADMINs as team managers, so nothing changes.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class TeamsMigrationTests
{
    private const string BeforeTeams = "20261202070505_AccentInsensitiveSearch";

    [Fact]
    public async Task Every_existing_company_gets_a_default_team_of_all_its_members_managed_by_its_managers_and_admins()
    {
        var servers = await ApiServers.StartedAsync();
        var name = $"arkoa_migration_{Guid.NewGuid():N}";
        await ExecuteAsync(servers.SuperuserConnectionString("postgres"), $"CREATE DATABASE {name}");
        try
        {
            var options = new DbContextOptionsBuilder<ArkoaDbContext>()
                .UseNpgsql(new NpgsqlConnectionStringBuilder(servers.SuperuserConnectionString(name)) { Pooling = false }.ConnectionString);
            ArkoaDbContextOptions.Apply(options);
            await using var db = new ArkoaDbContext(options.Options);
            await db.GetService<IMigrator>().MigrateAsync(BeforeTeams);

            // Two companies of the old schema (no teams table yet): one with a member of each role, one with an admin alone.
            var roles = new[] { UserRole.ADMIN, UserRole.MANAGER, UserRole.EMPLOYEE, UserRole.EMPLOYEE };
            var first = await CompanyAsync(db, "Before teams", roles, lastDeactivated: true);
            var second = await CompanyAsync(db, "Also before teams", [UserRole.ADMIN], lastDeactivated: false);

            await db.GetService<IMigrator>().MigrateAsync();

            foreach (var (company, members) in new[] { first, second })
            {
                var team = await db.Teams.AsNoTracking().Include(t => t.Members).Include(t => t.Managers).SingleAsync(t => t.CompanyId == company.Id);
                Assert.True(team.IsDefault);
                Assert.Equal(company.Name, team.Name);
                Assert.Null(team.ParentTeamId);
                Assert.Equal(members.Select(m => m.Id).Order(), team.Members.Select(m => m.MembershipId).Order());
                Assert.All(team.Members, m => Assert.True(m.IsPrimary));
                Assert.Equal(members.Where(m => m.IsManager).Select(m => m.Id).Order(), team.Managers.Select(m => m.MembershipId).Order());
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(servers.SuperuserConnectionString("postgres"), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task<(Company Company, List<Membership> Members)> CompanyAsync(
        ArkoaDbContext db, string name, UserRole[] roles, bool lastDeactivated)
    {
        var company = new Company { Name = $"{name} {Guid.NewGuid():N}" };
        // Written as that schema had it: the model has columns since (escalateAfterWorkingDays) that the old table has not.
        int[] workingDays = [.. company.WorkingDays.Select(d => (int)d)];
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO companies (id, name, annual_leave_days, time_zone, holiday_country, carry_over_max_days, carry_over_expires_on,
                                   working_days, created_at, updated_at)
            VALUES ({company.Id}, {company.Name}, {company.AnnualLeaveDays}, {company.TimeZone}, {company.HolidayCountry},
                    {company.CarryOverMaxDays}, {company.CarryOverExpiresOn}, {workingDays}, now(), now())
            """);
        var members = new List<Membership>();
        for (var i = 0; i < roles.Length; i++)
        {
            var user = new User { Name = $"Member {i}", Email = ApiSession.UniqueEmail("migrated"), PasswordHash = "not-a-hash" };
            db.Users.Add(user);
            var active = !(lastDeactivated && i == roles.Length - 1); // a deactivated member is in the team too, as in every list
            members.Add(new Membership { UserId = user.Id, CompanyId = company.Id, Role = roles[i], Active = active, JoinedOn = new DateOnly(2026, 1, 5) });
        }
        db.Memberships.AddRange(members);
        await db.SaveChangesAsync();
        return (company, members);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
