using System.Net;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>SCIM groups are the company's teams (issue 18): created, found, renamed, given and relieved of members as Entra ID and Okta send it, deleted within the teams' rules.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ScimGroupTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static string Group(string name, params string[] members) =>
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{name}}","externalId":"g-{{name}}","members":[{{string.Join(',', members.Select(m => $$"""{"value":"{{m}}"}"""))}}]}""";

    private static List<string> Members(JsonElement group) =>
        group.TryGetProperty("members", out var members) ? [.. members.EnumerateArray().Select(m => m.GetProperty("value").GetString()!).Order()] : [];

    private async Task<List<string>> TeamMembersAsync(Team team, string teamId) =>
        [.. (await team.Admin.GetJsonAsync(team.Url($"/teams/{teamId}/members"))).EnumerateArray().Select(m => m.GetProperty("membershipId").GetString()!).Order()];

    [Fact]
    public async Task Entra_ids_group_sequence_creates_a_team_and_changes_its_members()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var scim = await team.Admin.CreateScimTokenAsync(app, team.CompanyId);

        var filter = scim.Groups($"?excludedAttributes=members&filter={Uri.EscapeDataString("displayName eq \"Finance\"")}");
        Assert.Equal(0, (await scim.GetAsync(filter)).GetProperty("totalResults").GetInt32());
        var response = await scim.PostAsync(scim.Groups(), Group("Finance", team.EmployeeMembershipId));
        var created = await ScimKit.AssertScimAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(scim.BaseUrl + "/Groups/" + id, response.Headers.Location!.ToString());
        Assert.Equal([team.EmployeeMembershipId], Members(created));
        Assert.Equal([team.EmployeeMembershipId], await TeamMembersAsync(team, id));
        var found = await scim.GetAsync(filter);
        Assert.Equal(id, found.GetProperty("Resources")[0].GetProperty("id").GetString());
        Assert.False(found.GetProperty("Resources")[0].TryGetProperty("members", out _));

        // {"op":"Add","path":"members",…} then {"op":"Remove","path":"members[value eq \"…\"]"}; each sent twice.
        var add = ScimKit.Patch($$"""{"op":"Add","path":"members","value":[{"value":"{{team.ManagerMembershipId}}"}]}""");
        var remove = ScimKit.Patch($$"""{"op":"Remove","path":"members[value eq \"{{team.EmployeeMembershipId}}\"]"}""");
        foreach (var patch in new[] { add, add, remove, remove })
        {
            await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Groups($"/{id}"), patch), HttpStatusCode.OK);
        }
        Assert.Equal([team.ManagerMembershipId], await TeamMembersAsync(team, id));
        // The member's primary team is still the one they had: joining by SCIM does not move them.
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM team_members WHERE membership_id = $1 AND is_primary", Guid.Parse(team.ManagerMembershipId)));

        // Renamed (Okta's path-less replace, with the read-only id repeated), then deleted; the memberships stay.
        var renamed = await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Groups($"/{id}"),
            ScimKit.Patch($$"""{"op":"replace","value":{"id":"{{id}}","displayName":"Finance & Audit"} }""")), HttpStatusCode.OK);
        Assert.Equal("Finance & Audit", renamed.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await scim.SendAsync(HttpMethod.Delete, scim.Groups($"/{id}"))).StatusCode);
        await (await scim.Http.GetAsync(scim.Groups($"/{id}"))).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        Assert.True(await ScimKit.MembershipActiveAsync(app, team.ManagerMembershipId));
    }

    [Fact]
    public async Task A_team_name_is_unique_members_are_the_companys_and_the_default_team_is_kept()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var other = await TestCompany.CreateAsync(app);
        var scim = await team.Admin.CreateScimTokenAsync(app, team.CompanyId);
        await ScimKit.AssertScimAsync(await scim.PostAsync(scim.Groups(), Group("Support")), HttpStatusCode.Created);

        await (await scim.PostAsync(scim.Groups(), Group("SUPPORT"))).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await (await scim.PostAsync(scim.Groups(), Group("Sales", other.AdminMembershipId))).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await scim.PostAsync(scim.Groups(), Group("Sales", "not-an-id"))).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, (await scim.GetAsync(scim.Groups($"?filter={Uri.EscapeDataString("displayName eq \"Sales\"")}"))).GetProperty("totalResults").GetInt32());

        var groups = await scim.GetAsync(scim.Groups());
        var defaultTeam = groups.GetProperty("Resources").EnumerateArray().Single(g => g.GetProperty("displayName").GetString() != "Support");
        Assert.Equal(3, Members(defaultTeam).Count);
        await (await scim.SendAsync(HttpMethod.Delete, scim.Groups($"/{defaultTeam.GetProperty("id").GetString()}")))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        await (await scim.Http.GetAsync($"/scim/v2/{team.CompanyId}/Groups?filter={Uri.EscapeDataString("members eq \"x\"")}"))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
    }
}
