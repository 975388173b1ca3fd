using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The company's SCIM token (issue 18): shown once, stored hashed, rotated and revoked by an admin only; it opens its
/// own company's SCIM service and nothing else, and nothing else opens that service. And hostile SCIM requests: each a
/// 400 naming the problem, nothing changed, the next request served.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ScimAccessTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task An_admin_creates_the_token_once_shown_then_rotates_and_revokes_it()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var url = ScimKit.TokenUrl(team.CompanyId);
        var none = await team.Admin.GetJsonAsync(url);
        Assert.False(none.GetProperty("exists").GetBoolean());

        var scim = await team.Admin.CreateScimTokenAsync(app, team.CompanyId);
        Assert.Matches("^arkoa_scim_[0-9A-Za-z]{43}$", scim.Secret);
        Assert.EndsWith($"/scim/v2/{team.CompanyId}", scim.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM scim_tokens WHERE token_hash = $1", Arkoa.Core.Scim.ScimTokenSecret.Hash(scim.Secret)));
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM scim_tokens WHERE token_hash LIKE '%' || $1 || '%'", scim.Secret[11..]));

        await scim.GetAsync(scim.Users());
        var shown = await team.Admin.GetJsonAsync(url);
        Assert.True(shown.GetProperty("exists").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, shown.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(scim.Secret[11..], shown.ToString(), StringComparison.Ordinal);

        // Managers and employees manage nothing of it, nor does a personal API token, even the admin's.
        await (await team.Manager.Http.PostAsync(url, null)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-scim");
        await (await team.Employee.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-scim");
        var adminToken = await team.Admin.CreateTokenAsync(app, team.CompanyId, "read", "write", "approve");
        await (await adminToken.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
        await (await adminToken.Http.PostAsync(url, null)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");

        // Rotating: the new secret works, the old one no longer.
        var rotated = await team.Admin.CreateScimTokenAsync(app, team.CompanyId);
        Assert.NotEqual(scim.Secret, rotated.Secret);
        await rotated.GetAsync(rotated.Users());
        await (await scim.Http.GetAsync(scim.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM scim_tokens WHERE company_id = $1", Guid.Parse(team.CompanyId)));

        Assert.Equal(HttpStatusCode.NoContent, (await team.Admin.Http.DeleteAsync(url)).StatusCode);
        await (await rotated.Http.GetAsync(rotated.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);
        await (await team.Admin.Http.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "scim-token-not-found");
    }

    [Fact]
    public async Task A_scim_token_opens_its_own_companys_service_only_and_nothing_else_opens_it()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var other = await TestCompany.CreateAsync(app);
        var scim = await team.Admin.CreateScimTokenAsync(app, team.CompanyId);
        var otherScim = await other.Admin.CreateScimTokenAsync(app, other.CompanyId);

        // Another company's token, on this company's service (and this one's on the other).
        var crossed = app.Api().WithToken(otherScim.Secret);
        await (await crossed.GetAsync(scim.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);
        await (await scim.Http.GetAsync(otherScim.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);

        // No token, a session, a personal API token, a malformed or made-up SCIM token.
        await (await app.Api().GetAsync(scim.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);
        await (await team.Admin.Http.GetAsync(scim.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);
        var personal = await team.Admin.CreateTokenAsync(app, team.CompanyId, "read", "write", "approve");
        await (await personal.Http.GetAsync(scim.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);
        await (await app.Api().WithToken(scim.Secret[..^1]).GetAsync(scim.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);
        await (await app.Api().WithToken(Arkoa.Core.Scim.ScimTokenSecret.Create()).GetAsync(scim.Users())).AssertScimErrorAsync(HttpStatusCode.Unauthorized, null);
        var unauthorized = await app.Api().GetAsync(scim.Users());
        Assert.Contains("Bearer", unauthorized.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        // The SCIM token opens nothing of the Api.
        Assert.Equal(HttpStatusCode.Unauthorized, (await scim.Http.GetAsync(team.Url())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scim.Http.GetAsync($"/api/companies/{team.CompanyId}/memberships")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scim.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scim.Http.PostAsync(ScimKit.TokenUrl(team.CompanyId), null)).StatusCode);
    }

    [Fact]
    public async Task Discovery_states_what_the_service_supports()
    {
        var company = await TestCompany.CreateAsync(app);
        var scim = await company.Admin.CreateScimTokenAsync(app, company.CompanyId);
        var config = await scim.GetAsync($"/scim/v2/{company.CompanyId}/ServiceProviderConfig");
        Assert.True(config.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.True(config.GetProperty("filter").GetProperty("supported").GetBoolean());
        Assert.Equal(Arkoa.Core.Scim.ScimPaging.MaxResults, config.GetProperty("filter").GetProperty("maxResults").GetInt32());
        Assert.All(["bulk", "sort", "etag", "changePassword"], feature => Assert.False(config.GetProperty(feature).GetProperty("supported").GetBoolean()));
        var types = await scim.GetAsync($"/scim/v2/{company.CompanyId}/ResourceTypes");
        Assert.Equal(["User", "Group"], types.GetProperty("Resources").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var schemas = await scim.GetAsync($"/scim/v2/{company.CompanyId}/Schemas");
        Assert.Equal(2, schemas.GetProperty("totalResults").GetInt32());
    }

    public static TheoryData<string, string, string, string?> HostileRequests => new()
    {
        { "GET", "?count=99999999999999999999999", "", "invalidValue" },
        { "GET", "?startIndex=abc", "", "invalidValue" },
        { "GET", "?filter=" + Uri.EscapeDataString("userName sw \"a\""), "", "invalidFilter" },
        { "GET", "?filter=" + Uri.EscapeDataString("userName eq \"a\" or userName pr"), "", "invalidFilter" },
        { "GET", "?filter=" + Uri.EscapeDataString("password eq \"a\""), "", "invalidFilter" },
        { "GET", "?filter=" + Uri.EscapeDataString("userName eq \"a\u0001\""), "", "invalidValue" },
        { "POST", "", """{"schemas":["urn:example:unknown"],"userName":"a@b.test"}""", "invalidSyntax" },
        { "POST", "", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"not an address"}""", "invalidValue" },
        { "POST", "", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ctl@b.test","displayName":"a\u0000b"}""", "invalidValue" },
        { "POST", "", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","userName":""", "invalidSyntax" },
        { "PATCH", "/{member}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"displayName","value":"Evil\u001b[2J"}]}""", "invalidValue" },
        { "PATCH", "/{member}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"},{"op":"explode","path":"active"}]}""", "invalidSyntax" },
        { "PATCH", "/{member}", "{10k}", "invalidSyntax" },
        { "PUT", "/{member}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"someone-else@b.test","active":false}""", "mutability" },
    };

    [Theory]
    [MemberData(nameof(HostileRequests))]
    public async Task A_hostile_request_is_a_400_naming_the_problem_and_changes_nothing(string method, string path, string body, string? scimType)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var scim = await team.Admin.CreateScimTokenAsync(app, team.CompanyId);
        var before = await scim.GetAsync(scim.Users($"/{team.EmployeeMembershipId}"));
        if (body == "{10k}")
        {
            body = ScimKit.Patch([.. Enumerable.Repeat("""{"op":"Replace","path":"active","value":"False"}""", 10_000)]);
        }

        var response = await scim.SendAsync(new HttpMethod(method), scim.Users(path.Replace("{member}", team.EmployeeMembershipId, StringComparison.Ordinal)),
            method == "GET" ? null : body);
        var detail = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, scimType);
        Assert.False(string.IsNullOrWhiteSpace(detail));

        // Nothing changed, and the service answers the next request.
        var after = await scim.GetAsync(scim.Users($"/{team.EmployeeMembershipId}"));
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal(3, (await scim.GetAsync(scim.Users())).GetProperty("totalResults").GetInt32());
        Assert.True(await ScimKit.MembershipActiveAsync(app, team.EmployeeMembershipId));
    }

    [Fact]
    public async Task Scim_requests_are_rate_limited_per_company_apart_from_the_api()
    {
        var company = await TestCompany.CreateAsync(app);
        var scim = await company.Admin.CreateScimTokenAsync(app, company.CompanyId);
        await using var limited = app.Factory.WithWebHostBuilder(host => host.UseSetting("RateLimits:PerUserPerSecond", "3"));
        var provider = limited.CreateDefaultClient().WithToken(scim.Secret);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => provider.GetAsync(scim.Users())));
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        await refused.AssertScimErrorAsync(HttpStatusCode.TooManyRequests, null);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        // The company's people using the Api meanwhile are not held up by its provider.
        var admin = limited.CreateDefaultClient().WithToken(company.Admin.Token);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(company.Url())).StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_a_scim_404()
    {
        var company = await TestCompany.CreateAsync(app);
        var scim = await company.Admin.CreateScimTokenAsync(app, company.CompanyId);
        await (await scim.Http.GetAsync(scim.Users($"/{Guid.NewGuid()}"))).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        await (await scim.Http.GetAsync(scim.Users("/not-an-id"))).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }
}
