using System.Net;
using System.Net.Http.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;
using static Arkoa.Tests.Integration.TeamTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Teams through the Api (SPEC §10): the default team every company and member starts in, an admin building a tree,
/// the rules a change keeps (names, cycles, deletion, who may join) with problems naming the field and nothing changed,
/// and nobody else — a hostile employee or manager, another company's admin — changing or even reaching them.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class TeamTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task A_new_company_has_one_default_team_where_every_member_lands_with_its_managers_managing_it()
    {
        var company = await CreateTeamAsync(app);

        var teams = await company.Employee.TeamsAsync(company.CompanyId);
        var team = Assert.Single(teams);
        Assert.True(team.IsDefault);
        Assert.Null(team.ParentTeamId);
        Assert.Equal(3, team.MemberCount);
        Assert.Equal(new[] { company.AdminMembershipId, company.ManagerMembershipId }.Order(), team.ManagerIds.Order());
        var members = await company.Employee.TeamMembersAsync(company.CompanyId, team.Id);
        Assert.Equal(new[] { company.AdminMembershipId, company.ManagerMembershipId, company.EmployeeMembershipId }.Order(),
            members.Select(m => m.MembershipId).Order());
        Assert.All(members, m => Assert.True(m.IsPrimary));
    }

    [Fact]
    public async Task An_admin_builds_renames_moves_and_deletes_teams_and_members_move_between_them()
    {
        var company = await CreateTeamAsync(app);
        var (admin, id) = (company.Admin, company.CompanyId);

        var sales = await admin.AddTeamAsync(id, "Sales");
        var east = await admin.AddTeamAsync(id, "Sales East", sales);
        await admin.JoinTeamAsync(id, east, company.EmployeeMembershipId, isPrimary: true);
        await admin.ManageTeamAsync(id, sales, company.EmployeeMembershipId);

        var renamed = await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{east}"), new { name = "  Sales Est  ", parentTeamId = (string?)null });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Sales Est", (await renamed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("name").GetString());
        var teams = await admin.TeamsAsync(id);
        var defaultName = teams.Single(t => t.IsDefault).Name;
        Assert.Equal(new[] { "Sales", "Sales Est", defaultName }.Order(), teams.Select(t => t.Name).Order()); // trimmed
        Assert.Null(teams.Single(t => t.Id == east).ParentTeamId);
        Assert.Equal([company.EmployeeMembershipId], teams.Single(t => t.Id == sales).ManagerIds);

        // The employee's primary team is now Sales Est: the default team no longer is.
        var inDefault = await admin.TeamMembersAsync(id, teams.Single(t => t.IsDefault).Id);
        Assert.False(inDefault.Single(m => m.MembershipId == company.EmployeeMembershipId).IsPrimary);
        Assert.True((await admin.TeamMembersAsync(id, east)).Single().IsPrimary);

        var setPrimary = await admin.Http.PutAsync(TeamsUrl(id, $"/{teams.Single(t => t.IsDefault).Id}/members/{company.EmployeeMembershipId}/primary"), null);
        Assert.Equal(HttpStatusCode.NoContent, setPrimary.StatusCode);
        Assert.False((await admin.TeamMembersAsync(id, east)).Single().IsPrimary);

        await admin.LeaveTeamAsync(id, east, company.EmployeeMembershipId);
        Assert.Empty(await admin.TeamMembersAsync(id, east));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync(TeamsUrl(id, $"/{east}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync(TeamsUrl(id, $"/{sales}/managers/{company.EmployeeMembershipId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync(TeamsUrl(id, $"/{sales}"))).StatusCode);
        Assert.Single(await admin.TeamsAsync(id));
    }

    [Fact]
    public async Task A_change_that_breaks_a_rule_is_refused_naming_its_field_and_changes_nothing()
    {
        var company = await CreateTeamAsync(app);
        var (admin, id) = (company.Admin, company.CompanyId);
        var sales = await admin.AddTeamAsync(id, "Sales");
        var east = await admin.AddTeamAsync(id, "Sales East", sales);
        var defaultTeam = (await admin.DefaultTeamAsync(id)).Id;
        var deactivated = await admin.AddMemberAsync(id, await ApiSession.SignUpAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync($"/api/companies/{id}/memberships/{deactivated}", new { active = false })).StatusCode);
        var before = await admin.TeamsAsync(id);

        Assert.Equal("team-name-taken", await (await admin.Http.PostAsJsonAsync(TeamsUrl(id), new { name = "SALES" })).ProblemCodeAsync(HttpStatusCode.Conflict));
        await (await admin.Http.PostAsJsonAsync(TeamsUrl(id), new { name = "   " })).AssertFieldErrorAsync("name");
        await (await admin.Http.PostAsJsonAsync(TeamsUrl(id), new { name = new string('x', 101) })).AssertFieldErrorAsync("name");
        await (await admin.Http.PostAsJsonAsync(TeamsUrl(id), new { name = "Orphans", parentTeamId = Guid.NewGuid() })).AssertFieldErrorAsync("parentTeamId");
        await (await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{sales}"), new { name = "Sales", parentTeamId = east })).AssertFieldErrorAsync("parentTeamId");
        await (await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{sales}"), new { name = "Sales", parentTeamId = sales })).AssertFieldErrorAsync("parentTeamId");
        Assert.Equal("team-name-taken", await (await admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{east}"), new { name = "sales", parentTeamId = sales }))
            .ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal("team-has-sub-teams", await (await admin.Http.DeleteAsync(TeamsUrl(id, $"/{sales}"))).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal("default-team-kept", await (await admin.Http.DeleteAsync(TeamsUrl(id, $"/{defaultTeam}"))).ProblemCodeAsync(HttpStatusCode.Conflict));

        // Who joins: a member of this company, active.
        var inactive = await admin.Http.PostAsJsonAsync(TeamsUrl(id, $"/{sales}/members"), new { membershipId = deactivated });
        await inactive.AssertFieldErrorAsync("membershipId");
        Assert.Equal("membership-not-found", await (await admin.Http.PostAsJsonAsync(TeamsUrl(id, $"/{sales}/managers"), new { membershipId = Guid.NewGuid() }))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        await (await admin.Http.PostAsJsonAsync(TeamsUrl(id, $"/{sales}/members"), new { })).AssertFieldErrorAsync("membershipId");
        Assert.Equal("not-in-team", await (await admin.Http.DeleteAsync(TeamsUrl(id, $"/{sales}/members/{company.EmployeeMembershipId}"))).ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal("not-team-manager", await (await admin.Http.DeleteAsync(TeamsUrl(id, $"/{sales}/managers/{company.EmployeeMembershipId}"))).ProblemCodeAsync(HttpStatusCode.NotFound));

        Assert.Equal(before, await admin.TeamsAsync(id), new TeamRowComparer());
        Assert.Empty(await admin.TeamMembersAsync(id, sales));
    }

    [Fact]
    public async Task An_employee_or_a_manager_who_tries_to_change_teams_is_refused_and_nothing_changes()
    {
        var company = await CreateTeamAsync(app);
        var id = company.CompanyId;
        var sales = await company.Admin.AddTeamAsync(id, "Sales");
        var before = await company.Admin.TeamsAsync(id);

        foreach (var peer in new[] { company.Employee, company.Manager })
        {
            Assert.Equal("admin-only-teams", await (await peer.Http.PostAsJsonAsync(TeamsUrl(id), new { name = "Mine" })).ProblemCodeAsync(HttpStatusCode.Forbidden));
            Assert.Equal("admin-only-teams", await (await peer.Http.PutAsJsonAsync(TeamsUrl(id, $"/{sales}"), new { name = "Mine" })).ProblemCodeAsync(HttpStatusCode.Forbidden));
            Assert.Equal("admin-only-teams", await (await peer.Http.DeleteAsync(TeamsUrl(id, $"/{sales}"))).ProblemCodeAsync(HttpStatusCode.Forbidden));
            Assert.Equal("admin-only-teams", await (await peer.Http.PostAsJsonAsync(TeamsUrl(id, $"/{sales}/members"), new { membershipId = company.EmployeeMembershipId }))
                .ProblemCodeAsync(HttpStatusCode.Forbidden));
            Assert.Equal("admin-only-teams", await (await peer.Http.PostAsJsonAsync(TeamsUrl(id, $"/{sales}/managers"), new { membershipId = company.EmployeeMembershipId }))
                .ProblemCodeAsync(HttpStatusCode.Forbidden));
            Assert.Equal("admin-only-teams", await (await peer.Http.PutAsync(TeamsUrl(id, $"/{sales}/members/{company.EmployeeMembershipId}/primary"), null))
                .ProblemCodeAsync(HttpStatusCode.Forbidden));
        }

        Assert.Equal(before, await company.Admin.TeamsAsync(id), new TeamRowComparer());
        Assert.Empty(await company.Admin.TeamMembersAsync(id, sales));
    }

    [Fact]
    public async Task Another_company_s_teams_are_out_of_reach_its_team_ids_are_unknown_here_and_its_members_cannot_join()
    {
        var company = await CreateTeamAsync(app);
        var other = await CreateTeamAsync(app);
        var theirs = await other.Admin.AddTeamAsync(other.CompanyId, "Their team");
        var ours = await company.Admin.AddTeamAsync(company.CompanyId, "Our team");

        // Their admin reaches nothing of ours: 403 like any company they are not a member of.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.GetAsync(TeamsUrl(company.CompanyId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.GetAsync(TeamsUrl(company.CompanyId, $"/{ours}/members"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.DeleteAsync(TeamsUrl(company.CompanyId, $"/{ours}"))).StatusCode);

        // Our admin naming their team through our company: not found, whatever the endpoint.
        var id = company.CompanyId;
        Assert.Equal("team-not-found", await (await company.Admin.Http.GetAsync(TeamsUrl(id, $"/{theirs}/members"))).ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal("team-not-found", await (await company.Admin.Http.PutAsJsonAsync(TeamsUrl(id, $"/{theirs}"), new { name = "Taken over" })).ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal("team-not-found", await (await company.Admin.Http.DeleteAsync(TeamsUrl(id, $"/{theirs}"))).ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal("team-not-found", await (await company.Admin.Http.PostAsJsonAsync(TeamsUrl(id, $"/{theirs}/managers"), new { membershipId = company.EmployeeMembershipId }))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        await (await company.Admin.Http.PostAsJsonAsync(TeamsUrl(id), new { name = "Under theirs", parentTeamId = theirs })).AssertFieldErrorAsync("parentTeamId");
        Assert.Equal("team-not-found", await (await company.Admin.Http.GetAsync($"/api/companies/{id}/calendar?year=2030&team={theirs}")).ProblemCodeAsync(HttpStatusCode.NotFound));

        // Nor does one of their members join ours.
        Assert.Equal("membership-not-found", await (await company.Admin.Http.PostAsJsonAsync(TeamsUrl(id, $"/{ours}/members"), new { membershipId = other.EmployeeMembershipId }))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal("Their team", (await other.Admin.TeamsAsync(other.CompanyId)).Single(t => t.Id == theirs).Name);
    }

    /// <summary>Two team lists are the same when every team has the same name, place, member count and managers.</summary>
    private sealed class TeamRowComparer : IEqualityComparer<List<TeamRow>>
    {
        public bool Equals(List<TeamRow>? x, List<TeamRow>? y) => x!.Select(Key).SequenceEqual(y!.Select(Key));

        public int GetHashCode(List<TeamRow> obj) => obj.Count;

        private static string Key(TeamRow t) => $"{t.Id}|{t.Name}|{t.ParentTeamId}|{t.IsDefault}|{t.MemberCount}|{string.Join(',', t.ManagerIds.Order())}";
    }
}
