using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Company API tokens (issue 18): an admin creates one (shown once, stored hashed), any admin lists and revokes it; it
/// acts for the company with a manager's reach within its scopes, its changes attributed to it in the audit, never on
/// the account, tokens or the company's administration, never in another company; revoked, expired, its company
/// deleted or its creator no longer an admin, it is a 401 at once.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class CompanyApiTokenTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task An_admin_s_token_is_shown_once_listed_with_its_creator_and_revoked_at_once_by_any_admin()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var response = await team.Admin.Http.PostAsJsonAsync(CompanyApiTokenKit.Url(team.CompanyId),
            new { name = "  Payroll sync  ", scopes = new[] { "read" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.Matches("^arkoa_cat_[0-9A-Za-z]{43}$", secret);
        Assert.Equal("Payroll sync", created.GetProperty("name").GetString());
        Assert.Equal(TimeSpan.FromDays(90), created.GetProperty("expiresAt").GetDateTime() - created.GetProperty("createdAt").GetDateTime());

        var token = app.Api().WithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(team.Url("/leaves"))).StatusCode);

        var item = Assert.Single((await team.Admin.Http.GetFromJsonAsync<List<JsonElement>>(CompanyApiTokenKit.Url(team.CompanyId)))!);
        Assert.Equal("Admin User", item.GetProperty("createdByName").GetString());
        Assert.NotNull(item.GetProperty("lastUsedAt").GetString());
        Assert.True(item.GetProperty("active").GetBoolean());
        Assert.DoesNotContain(secret[10..], item.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM company_api_tokens WHERE token_hash = $1",
            Arkoa.Core.Tokens.CompanyApiTokenSecret.Hash(secret)));
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app,
            "SELECT count(*) FROM company_api_tokens WHERE token_hash LIKE '%' || $1 || '%' OR name LIKE '%' || $1 || '%'", secret[10..]));
        // Not the creator's personal token: their own list does not show it.
        Assert.Empty((await team.Admin.Http.GetFromJsonAsync<List<JsonElement>>(ApiTokenKit.Url))!);

        // Another admin revokes it; it stops at once and stays listed as revoked.
        var second = await app.AnotherAdminAsync(team.Admin, team.CompanyId);
        Assert.Equal(HttpStatusCode.NoContent, (await second.Http.DeleteAsync($"{CompanyApiTokenKit.Url(team.CompanyId)}/{item.GetProperty("id").GetString()}")).StatusCode);
        await (await token.GetAsync(team.Url("/leaves"))).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-invalid");
        var revoked = Assert.Single((await team.Admin.Http.GetFromJsonAsync<List<JsonElement>>(CompanyApiTokenKit.Url(team.CompanyId)))!);
        Assert.NotNull(revoked.GetProperty("revokedAt").GetString());
        Assert.False(revoked.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Only_a_signed_in_admin_manages_the_company_s_tokens()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var url = CompanyApiTokenKit.Url(team.CompanyId);
        var body = new { name = "x", scopes = new[] { "read" } };
        foreach (var member in new[] { team.Manager, team.Employee })
        {
            await (await member.Http.PostAsJsonAsync(url, body)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-api-tokens");
            await (await member.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-api-tokens");
        }
        var stranger = await TestCompany.CreateAsync(app);
        await (await stranger.Admin.Http.PostAsJsonAsync(url, body)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // No token manages them, the admin's personal one with every scope nor a company one.
        var personal = await team.Admin.CreateTokenAsync(app, team.CompanyId, "read", "write", "approve");
        var company = await team.Admin.CreateCompanyTokenAsync(app, team.CompanyId, "All", "read", "write", "approve");
        foreach (var client in new[] { personal.Http, company.Http })
        {
            await (await client.PostAsJsonAsync(url, body)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
            await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
            await (await client.DeleteAsync($"{url}/{company.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
        }
        await (await team.Manager.Http.DeleteAsync($"{url}/{company.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-api-tokens");
        await (await team.Admin.Http.DeleteAsync($"{url}/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "token-not-found");
        await (await stranger.Admin.Http.DeleteAsync($"{CompanyApiTokenKit.Url(stranger.CompanyId)}/{company.Id}"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "token-not-found");
        Assert.Equal(HttpStatusCode.OK, (await company.Http.GetAsync(team.Url())).StatusCode);
    }

    [Fact]
    public async Task Each_scope_allows_its_requests_a_missing_one_is_a_403_naming_it_and_changes_are_attributed_to_the_token()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var read = await team.Admin.CreateCompanyTokenAsync(app, team.CompanyId, "Reporting", "read");
        var write = await team.Admin.CreateCompanyTokenAsync(app, team.CompanyId, "HR sync", "write");
        var approve = await team.Admin.CreateCompanyTokenAsync(app, team.CompanyId, "Approver bot", "approve");
        var leaves = team.LeavesUrl(team.EmployeeMembershipId);
        var balances = team.Url($"/memberships/{team.EmployeeMembershipId}/leave-balances");
        var month = TestDates.FebruaryMondayNextYear();

        // Read: a manager's company-wide reads.
        foreach (var url in new[] { team.Url(), team.Url("/leaves"), team.Url($"/calendar?year={month.Year}"), team.Url("/stats"), leaves, balances,
                     team.Url("/memberships"), team.Url("/leave-balances.csv"), team.Url($"/payroll.csv?month={month.Year}-{month.Month:00}") })
        {
            var answer = await read.Http.GetAsync(url);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{url}: {answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
        Assert.Equal("write", (await (await read.Http.PostAsJsonAsync(leaves, ApiTokenKit.LeaveBody())).AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing"))
            .GetProperty("scope").GetString());
        Assert.Empty(await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));

        // Write: recording a member's leave on their behalf and adjusting a balance.
        var employeeLeave = await team.Employee.Http.PostAsJsonAsync(leaves, ApiTokenKit.LeaveBody(2));
        Assert.Equal(HttpStatusCode.Created, employeeLeave.StatusCode);
        var pendingId = (await employeeLeave.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var recorded = await write.Http.PostAsJsonAsync(leaves, ApiTokenKit.LeaveBody());
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var recordedId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await write.Http.PostAsJsonAsync(balances,
            new { type = "PAID", change = 2, reason = "Seniority days", historyType = "MANUEL_CREDIT" })).StatusCode);
        Assert.Equal("read", (await (await write.Http.GetAsync(leaves)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing"))
            .GetProperty("scope").GetString());
        Assert.Equal("approve", (await (await write.Http.PostAsJsonAsync(team.ReviewUrl(pendingId), new { status = "APPROVED" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing")).GetProperty("scope").GetString());

        // Approve: a manager's decision.
        Assert.Equal("write", (await (await approve.Http.PostAsJsonAsync(leaves, ApiTokenKit.LeaveBody(4))).AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing"))
            .GetProperty("scope").GetString());
        var review = await approve.Http.PostAsJsonAsync(team.ReviewUrl(pendingId), new { status = "APPROVED" });
        Assert.True(review.StatusCode == HttpStatusCode.OK, await review.Content.ReadAsStringAsync());

        // The audit names the admin the token acts through, and the token by id and name.
        var decided = await team.Admin.GetJsonAsync($"{leaves}/{pendingId}/history");
        var approval = decided.EnumerateArray().Single(s => s.GetProperty("transition").GetString() == "APPROVED");
        Assert.Equal("Admin User", approval.GetProperty("actorName").GetString());
        Assert.Equal(approve.Id, approval.GetProperty("companyApiTokenId").GetString());
        Assert.Equal("Approver bot", approval.GetProperty("companyApiTokenName").GetString());
        var submission = decided.EnumerateArray().Single(s => s.GetProperty("transition").GetString() == "SUBMITTED");
        Assert.Equal(JsonValueKind.Null, submission.GetProperty("companyApiTokenId").ValueKind);
        var recordedHistory = await team.Admin.GetJsonAsync($"{leaves}/{recordedId}/history");
        Assert.All(recordedHistory.EnumerateArray(), s => Assert.Equal("HR sync", s.GetProperty("companyApiTokenName").GetString()));
        var ledger = await team.Admin.GetJsonAsync(team.Url($"/memberships/{team.EmployeeMembershipId}/leave-balance-history"));
        var credit = ledger.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("reason").GetString() == "Seniority days");
        Assert.Equal(write.Id, credit.GetProperty("companyApiTokenId").GetString());
        Assert.Equal("Admin User", credit.GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task A_company_token_acts_only_in_its_company_and_never_on_the_account_sessions_tokens_or_administration()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var other = await TestCompany.CreateAsync(app);
        // The token's creator is an admin of both companies: the token still reaches only its own.
        await other.Admin.AddMemberAsync(other.CompanyId, team.Admin, "ADMIN");
        var token = await team.Admin.CreateCompanyTokenAsync(app, team.CompanyId, "Everything", "read", "write", "approve");
        await (await token.Http.GetAsync(other.Url())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await token.Http.GetAsync(other.Url("/leaves"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await token.Http.PostAsJsonAsync(other.LeavesUrl(other.AdminMembershipId), ApiTokenKit.LeaveBody())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var notForTokens = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, ApiTokenKit.Url, null),
            (HttpMethod.Post, ApiTokenKit.Url, new { companyId = team.CompanyId, name = "more", scopes = new[] { "read" } }),
            (HttpMethod.Post, "/api/auth/change-password", new { currentPassword = team.Admin.Password, newPassword = "Kq81ab 7z other words" }),
            (HttpMethod.Patch, "/api/users/me", new { email = ApiSession.UniqueEmail(), currentPassword = team.Admin.Password }),
            (HttpMethod.Get, "/api/auth/sessions", null),
            (HttpMethod.Delete, "/api/auth/sessions", null),
            (HttpMethod.Get, "/api/users/me/export", null),
            (HttpMethod.Delete, "/api/users/me", null),
            (HttpMethod.Post, "/api/companies", new { name = "Via token", annualLeaveDays = 25 }),
            (HttpMethod.Patch, team.Url(), new { name = "Renamed by a script" }),
            (HttpMethod.Delete, team.Url(), null),
            (HttpMethod.Patch, team.Url($"/memberships/{team.EmployeeMembershipId}"), new { role = "MANAGER" }),
            (HttpMethod.Post, team.Url("/memberships"), new { email = ApiSession.UniqueEmail(), role = "EMPLOYEE" }),
            (HttpMethod.Get, team.Url("/invitations"), null),
            (HttpMethod.Get, team.Url("/webhooks"), null),
            (HttpMethod.Post, team.Url("/webhooks"), new { url = "https://example.com/hook", events = new[] { "leave.submitted" } }),
            (HttpMethod.Get, team.Url("/chat-channels"), null),
            (HttpMethod.Get, team.Url("/scim-token"), null),
            (HttpMethod.Get, team.Url("/approval-chain"), null),
            (HttpMethod.Post, team.Url("/teams"), new { name = "Via token" }),
        };
        foreach (var (method, url, body) in notForTokens)
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            await (await token.Http.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
        }
        Assert.Equal("EMPLOYEE", (await team.Admin.GetJsonAsync(team.Url($"/memberships/{team.EmployeeMembershipId}"))).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_a_deleted_company_or_a_creator_no_longer_admin_is_a_401_at_once()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var expiring = await team.Admin.CreateCompanyTokenAsync(app, team.CompanyId, "Expiring", "read");
        await CompanyTestKit.ScalarAsync(app, "UPDATE company_api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1::uuid RETURNING 1", expiring.Id);
        await (await expiring.Http.GetAsync(team.Url())).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-invalid");
        Assert.True(Assert.Single((await team.Admin.Http.GetFromJsonAsync<List<JsonElement>>(CompanyApiTokenKit.Url(team.CompanyId)))!)
            .GetProperty("expired").GetBoolean());
        foreach (var wrong in new[] { Arkoa.Core.Tokens.CompanyApiTokenSecret.Create(), "arkoa_cat_short", expiring.Secret[..^1] + "!" })
        {
            await (await app.Api().WithToken(wrong).GetAsync(team.Url())).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-invalid");
        }

        // Its creator demoted by another admin: the token stops, whoever else is still an admin.
        var second = await app.AnotherAdminAsync(team.Admin, team.CompanyId);
        var demoted = await team.Admin.CreateCompanyTokenAsync(app, team.CompanyId, "Demoted", "read");
        Assert.Equal(HttpStatusCode.OK, (await demoted.Http.GetAsync(team.Url())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PatchAsync(team.Url($"/memberships/{team.AdminMembershipId}"), new { role = "MANAGER" })).StatusCode);
        await (await demoted.Http.GetAsync(team.Url())).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-invalid");

        var kept = await second.CreateCompanyTokenAsync(app, team.CompanyId, "Kept", "read");
        Assert.Equal(HttpStatusCode.OK, (await kept.Http.GetAsync(team.Url())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await second.Http.DeleteAsync(team.Url())).StatusCode);
        await (await kept.Http.GetAsync(team.Url())).AssertProblemAsync(HttpStatusCode.Unauthorized, "token-invalid");
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM company_api_tokens WHERE company_id = $1::uuid", team.CompanyId));
    }

    [Fact]
    public async Task A_company_token_is_rate_limited_on_its_own_not_against_its_creator()
    {
        var company = await TestCompany.CreateAsync(app);
        var token = await company.Admin.CreateCompanyTokenAsync(app, company.CompanyId, "Busy", "read");
        await using var limited = app.Factory.WithWebHostBuilder(host => host.UseSetting("RateLimits:PerUserPerSecond", "3"));
        var integration = limited.CreateDefaultClient().WithToken(token.Secret);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => integration.GetAsync(company.Url())));
        await answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests).AssertProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        // The admin it acts through is not held up by it.
        var admin = limited.CreateDefaultClient().WithToken(company.Admin.Token);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(company.Url())).StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_of_a_company_token_is_its_own_not_its_creator_s()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var token = await team.Admin.CreateCompanyTokenAsync(app, team.CompanyId, "Writer", "write");
        var leaves = team.LeavesUrl(team.EmployeeMembershipId);
        HttpRequestMessage Post(int weeks) => new(HttpMethod.Post, leaves)
        {
            Content = JsonContent.Create(ApiTokenKit.LeaveBody(weeks)), Headers = { { "Idempotency-Key", "sync-42" } },
        };
        Assert.Equal(HttpStatusCode.Created, (await token.Http.SendAsync(Post(0))).StatusCode);
        // The same key by the admin in person is another caller's: it runs, not a 422 for another request.
        Assert.Equal(HttpStatusCode.Created, (await team.Admin.Http.SendAsync(Post(3))).StatusCode);
        var replay = await token.Http.SendAsync(Post(0));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, (await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId)).Count);
    }

    [Fact]
    public async Task Nothing_of_a_company_token_s_secret_reaches_the_logs_even_at_trace_level()
    {
        var logs = new CapturedLogs();
        using var logged = app.Factory.WithWebHostBuilder(host => host.ConfigureLogging(logging => logging
            .SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var made = await logged.CreateDefaultClient().WithToken(team.Admin.Token).PostAsJsonAsync(CompanyApiTokenKit.Url(team.CompanyId),
            new { name = "Logged", scopes = new[] { "read" } });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var secret = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        var client = logged.CreateDefaultClient().WithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(team.Url())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(team.LeavesUrl(team.EmployeeMembershipId), ApiTokenKit.LeaveBody())).StatusCode);
        var wrong = secret[..^3] + "abc";
        Assert.Equal(HttpStatusCode.Unauthorized, (await logged.CreateDefaultClient().WithToken(wrong).GetAsync(team.Url())).StatusCode);

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("Company API token", StringComparison.Ordinal));
        foreach (var value in new[] { secret, wrong })
        {
            var random = value[Arkoa.Core.Tokens.CompanyApiTokenSecret.Prefix.Length..];
            Assert.DoesNotContain(logs.Lines, line => line.Contains(random[..20], StringComparison.Ordinal));
        }
    }
}
