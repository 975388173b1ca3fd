using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Personal API tokens (issue 18): created, listed without their secret and revoked by a signed-in person; a token acts
/// as its owner within its scopes, in its company only, never more than the owner's current role, and manages nothing
/// of the account.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ApiTokenTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task A_token_is_shown_once_listed_without_its_secret_and_revoked_at_once()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var response = await team.Employee.Http.PostAsJsonAsync(ApiTokenKit.Url,
            new { companyId = team.CompanyId, name = "  Payroll sync  ", scopes = new[] { "read", "write" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.Matches("^arkoa_pat_[0-9A-Za-z]{43}$", secret);
        Assert.Equal("Payroll sync", created.GetProperty("name").GetString());
        Assert.Equal(team.EmployeeMembershipId, created.GetProperty("membershipId").GetString());
        Assert.Equal(["read", "write"], created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        // 90 days unless asked.
        var lifetime = created.GetProperty("expiresAt").GetDateTime() - created.GetProperty("createdAt").GetDateTime();
        Assert.Equal(TimeSpan.FromDays(90), lifetime);

        var token = app.Api().WithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves")).StatusCode);

        var list = await team.Employee.Http.GetFromJsonAsync<List<JsonElement>>(ApiTokenKit.Url);
        var item = Assert.Single(list!);
        Assert.Equal(created.GetProperty("id").GetString(), item.GetProperty("id").GetString());
        Assert.NotNull(item.GetProperty("lastUsedAt").GetString());
        Assert.False(item.GetProperty("expired").GetBoolean());
        Assert.DoesNotContain(secret[10..], item.ToString(), StringComparison.Ordinal);
        Assert.False(item.TryGetProperty("secret", out _));
        Assert.False(item.TryGetProperty("tokenHash", out _));
        // The database keeps only the hash.
        var stored = await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM api_tokens WHERE token_hash = $1", Arkoa.Core.Tokens.ApiTokenSecret.Hash(secret));
        Assert.Equal(1, stored);
        var inClear = await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM api_tokens WHERE token_hash LIKE '%' || $1 || '%' OR name LIKE '%' || $1 || '%'", secret[10..]);
        Assert.Equal(0, inClear);
        // The person's data export lists it, without its secret or hash.
        var export = await team.Employee.GetJsonAsync("/api/users/me/export");
        var exported = Assert.Single(export.GetProperty("apiTokens").EnumerateArray());
        Assert.Equal("Payroll sync", exported.GetProperty("name").GetString());
        Assert.DoesNotContain(secret[10..], export.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Arkoa.Core.Tokens.ApiTokenSecret.Hash(secret), export.ToString(), StringComparison.Ordinal);

        // Others see nothing of it and cannot revoke it.
        Assert.Empty((await team.Manager.Http.GetFromJsonAsync<List<JsonElement>>(ApiTokenKit.Url))!);
        await (await team.Manager.Http.DeleteAsync($"{ApiTokenKit.Url}/{item.GetProperty("id").GetString()}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "token-not-found");

        Assert.Equal(HttpStatusCode.NoContent, (await team.Employee.Http.DeleteAsync($"{ApiTokenKit.Url}/{item.GetProperty("id").GetString()}")).StatusCode);
        await (await token.GetAsync(team.Url())).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-invalid");
        Assert.Empty((await team.Employee.Http.GetFromJsonAsync<List<JsonElement>>(ApiTokenKit.Url))!);
    }

    [Fact]
    public async Task Each_scope_allows_its_requests_and_a_missing_one_is_a_403_naming_it()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var read = await team.Employee.CreateTokenAsync(app, team.CompanyId, "read");
        var write = await team.Employee.CreateTokenAsync(app, team.CompanyId, "write");
        var leaves = team.LeavesUrl(team.EmployeeMembershipId);

        Assert.Equal(HttpStatusCode.OK, (await read.Http.GetAsync(leaves)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await read.Http.GetAsync(team.Url())).StatusCode);
        var refused = await (await read.Http.PostAsJsonAsync(leaves, ApiTokenKit.LeaveBody())).AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing");
        Assert.Equal("write", refused.GetProperty("scope").GetString());
        Assert.Empty(await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));

        var createdLeave = await write.Http.PostAsJsonAsync(leaves, ApiTokenKit.LeaveBody());
        Assert.True(createdLeave.StatusCode == HttpStatusCode.Created, await createdLeave.Content.ReadAsStringAsync());
        var leaveId = (await createdLeave.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal("read", (await (await write.Http.GetAsync(leaves)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing"))
            .GetProperty("scope").GetString());

        // Deciding is approve's, which only a manager's token may hold.
        await (await write.Http.PostAsJsonAsync(team.ReviewUrl(leaveId!), new { status = "APPROVED" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing");
        await (await team.Employee.Http.PostAsJsonAsync(ApiTokenKit.Url, new { companyId = team.CompanyId, name = "x", scopes = new[] { "approve" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-not-yours");
        var managerWrite = await team.Manager.CreateTokenAsync(app, team.CompanyId, "read", "write");
        Assert.Equal("approve", (await (await managerWrite.Http.PostAsJsonAsync(team.ReviewUrl(leaveId!), new { status = "APPROVED" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing")).GetProperty("scope").GetString());
        // Write on someone else's leaves is a manager's act: approve too.
        await (await managerWrite.Http.PostAsJsonAsync(leaves, ApiTokenKit.LeaveBody(1))).AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing");

        var approver = await team.Manager.CreateTokenAsync(app, team.CompanyId, "approve");
        Assert.Equal(HttpStatusCode.OK, (await approver.Http.PostAsJsonAsync(team.ReviewUrl(leaveId!), new { status = "APPROVED" })).StatusCode);
        var leave = Assert.Single(await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));
        Assert.Equal("APPROVED", leave.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_token_acts_only_in_its_company_and_never_on_the_account_sessions_tokens_or_administration()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var other = await TestCompany.CreateAsync(app);
        // The admin of both companies, with every scope in the first.
        await other.Admin.AddMemberAsync(other.CompanyId, team.Admin, "ADMIN");
        var token = await team.Admin.CreateTokenAsync(app, team.CompanyId, "read", "write", "approve");

        Assert.Equal(HttpStatusCode.OK, (await token.Http.GetAsync(team.Url())).StatusCode);
        await (await token.Http.GetAsync(other.Url())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var notForTokens = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, ApiTokenKit.Url, null),
            (HttpMethod.Post, ApiTokenKit.Url, new { companyId = team.CompanyId, name = "more", scopes = new[] { "read" } }),
            (HttpMethod.Delete, $"{ApiTokenKit.Url}/{token.Id}", null),
            (HttpMethod.Post, "/api/auth/change-password", new { currentPassword = team.Admin.Password, newPassword = "Kq81ab 7z other words" }),
            (HttpMethod.Patch, "/api/users/me", new { name = "Changed" }),
            (HttpMethod.Patch, "/api/users/me", new { email = ApiSession.UniqueEmail(), currentPassword = team.Admin.Password }),
            (HttpMethod.Get, "/api/auth/sessions", null),
            (HttpMethod.Delete, "/api/auth/sessions", null),
            (HttpMethod.Post, "/api/auth/sign-out", null),
            (HttpMethod.Get, "/api/users/me/export", null),
            (HttpMethod.Post, "/api/companies", new { name = "Via token", annualLeaveDays = 25 }),
            (HttpMethod.Patch, team.Url(), new { name = "Renamed by a script" }),
            (HttpMethod.Patch, team.Url($"/memberships/{team.EmployeeMembershipId}"), new { role = "MANAGER" }),
            (HttpMethod.Post, team.Url("/memberships"), new { email = ApiSession.UniqueEmail(), role = "EMPLOYEE" }),
            (HttpMethod.Delete, team.Url(), null),
        };
        foreach (var (method, url, body) in notForTokens)
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            await (await token.Http.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
        }
        // Nothing changed: one token, the same name and role, the session still open.
        Assert.Single((await team.Admin.Http.GetFromJsonAsync<List<JsonElement>>(ApiTokenKit.Url))!);
        Assert.Equal("EMPLOYEE", (await team.Admin.GetJsonAsync(team.Url($"/memberships/{team.EmployeeMembershipId}"))).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task A_demoted_or_deactivated_owner_s_token_loses_those_rights_at_once()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var leaveId = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID",
            TestDates.FebruaryMondayNextYear(), TestDates.FebruaryMondayNextYear());
        var approver = await team.Manager.CreateTokenAsync(app, team.CompanyId, "read", "approve");
        Assert.Equal(HttpStatusCode.OK, (await approver.Http.GetAsync(team.Url("/leaves"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(team.Url($"/memberships/{team.ManagerMembershipId}"), new { role = "EMPLOYEE" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.Http.GetAsync(team.Url("/leaves"))).StatusCode);
        Assert.Equal("PENDING", Assert.Single(await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId)).GetProperty("status").GetString());

        var reader = await team.Employee.CreateTokenAsync(app, team.CompanyId, "read");
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync(team.LeavesUrl(team.EmployeeMembershipId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(team.Url($"/memberships/{team.EmployeeMembershipId}"), new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Http.GetAsync(team.LeavesUrl(team.EmployeeMembershipId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Http.GetAsync(team.Url())).StatusCode);
    }

    [Fact]
    public async Task A_wrong_malformed_or_expired_token_is_a_401_problem()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var token = await team.Employee.CreateTokenAsync(app, team.CompanyId, "read");
        await CompanyTestKit.ScalarAsync(app, "UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1::uuid RETURNING 1", token.Id);
        await (await token.Http.GetAsync(team.Url())).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-invalid");
        var listed = Assert.Single((await team.Employee.Http.GetFromJsonAsync<List<JsonElement>>(ApiTokenKit.Url))!);
        Assert.True(listed.GetProperty("expired").GetBoolean());

        foreach (var wrong in new[] { Arkoa.Core.Tokens.ApiTokenSecret.Create(), "arkoa_pat_short", token.Secret[..^1] + "!" })
        {
            await (await app.Api().WithToken(wrong).GetAsync(team.Url())).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-invalid");
        }
    }

    [Fact]
    public async Task A_bad_creation_request_is_a_400_naming_the_field_and_creates_nothing()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var stranger = await TestCompany.CreateAsync(app);
        var bad = new (object Body, HttpStatusCode Status, string Code)[]
        {
            (new { companyId = team.CompanyId, name = "", scopes = new[] { "read" } }, HttpStatusCode.BadRequest, "required"),
            (new { companyId = team.CompanyId, name = "x", scopes = Array.Empty<string>() }, HttpStatusCode.BadRequest, "required"),
            (new { companyId = team.CompanyId, name = "x", scopes = new[] { "admin" } }, HttpStatusCode.BadRequest, "invalid-choice"),
            (new { companyId = team.CompanyId, name = "x", scopes = new[] { "read" }, expiresInDays = 367 }, HttpStatusCode.BadRequest, "out-of-range"),
            (new { companyId = stranger.CompanyId, name = "x", scopes = new[] { "read" } }, HttpStatusCode.Forbidden, "forbidden"),
        };
        foreach (var (body, status, code) in bad)
        {
            await (await team.Employee.Http.PostAsJsonAsync(ApiTokenKit.Url, body)).AssertProblemAsync(status, code);
        }
        Assert.Empty((await team.Employee.Http.GetFromJsonAsync<List<JsonElement>>(ApiTokenKit.Url))!);
    }

    [Fact]
    public async Task Nothing_of_a_token_s_secret_reaches_the_logs_even_at_trace_level()
    {
        var logs = new CapturedLogs();
        using var logged = app.Factory.WithWebHostBuilder(host => host.ConfigureLogging(logging => logging
            .SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var token = await team.Employee.CreateTokenAsync(app, team.CompanyId, "read");

        var client = logged.CreateDefaultClient().WithToken(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(team.Url())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(team.LeavesUrl(team.EmployeeMembershipId), ApiTokenKit.LeaveBody())).StatusCode);
        var wrong = token.Secret[..^3] + "abc";
        Assert.Equal(HttpStatusCode.Unauthorized, (await logged.CreateDefaultClient().WithToken(wrong).GetAsync(team.Url())).StatusCode);
        // A new one made through the logged host: its answer carries the secret, its logs must not.
        var made = await logged.CreateDefaultClient().WithToken(team.Employee.Token).PostAsJsonAsync(ApiTokenKit.Url,
            new { companyId = team.CompanyId, name = "Logged", scopes = new[] { "read" } });
        var madeSecret = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { token.Secret, wrong, madeSecret })
        {
            var random = secret[Arkoa.Core.Tokens.ApiTokenSecret.Prefix.Length..];
            Assert.DoesNotContain(logs.Lines, line => line.Contains(random[..20], StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_token_scheme_its_endpoints_and_the_idempotency_key()
    {
        var document = await app.Api().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiToken");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains("arkoa_pat_", scheme.GetProperty("description").GetString());

        var paths = document.GetProperty("paths");
        var create = paths.GetProperty("/api/users/me/api-tokens").GetProperty("post");
        Assert.Equal("CreateApiToken", create.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(create.GetProperty("summary").GetString()));
        Assert.True(create.GetProperty("responses").TryGetProperty("403", out _));
        Assert.Equal("ListApiTokens", paths.GetProperty("/api/users/me/api-tokens").GetProperty("get").GetProperty("operationId").GetString());
        var revoke = paths.GetProperty("/api/users/me/api-tokens/{tokenId}").GetProperty("delete");
        Assert.Equal("RevokeApiToken", revoke.GetProperty("operationId").GetString());
        Assert.True(revoke.GetProperty("responses").TryGetProperty("404", out _));
        // The account's own endpoints take no token.
        Assert.DoesNotContain(create.GetProperty("security").EnumerateArray(), s => s.TryGetProperty("apiToken", out _));

        var request = paths.GetProperty("/api/companies/{companyId}/memberships/{membershipId}/leaves").GetProperty("post");
        Assert.Contains(request.GetProperty("security").EnumerateArray(), s => s.TryGetProperty("apiToken", out _));
        Assert.Contains(request.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key"
            && p.GetProperty("in").GetString() == "header");
        Assert.True(request.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(request.GetProperty("responses").TryGetProperty("409", out _));
        var read = paths.GetProperty("/api/companies/{companyId}/memberships/{membershipId}/leaves").GetProperty("get");
        Assert.DoesNotContain(read.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }
}
