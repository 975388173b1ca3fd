using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Core.Security;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Single sign-on through the Api (issue 18), against a real OpenID Connect provider on loopback
/// (<see cref="OidcTestProvider"/>): the admins' settings with a write-only secret, signing in by code (redeemed and
/// checked by the Api), linking by subject, accounts made just in time, every refusal, and mandatory SSO with the
/// admins' break-glass. The browser's way through the Web: SsoBrowserTests.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class SsoApiTests(SsoInProcessApi app, OidcTestProvider provider) : IClassFixture<SsoInProcessApi>, IClassFixture<OidcTestProvider>
{
    [Fact]
    public async Task An_admin_sets_reads_and_removes_the_settings_whose_secret_is_never_answered()
    {
        var company = await TestCompany.CreateAsync(app);
        var empty = await company.Admin.GetJsonAsync(company.Url("/sso"));
        Assert.False(empty.GetProperty("configured").GetBoolean());
        Assert.Equal("/account/sso/callback", empty.GetProperty("redirectPath").GetString());

        var sso = await SsoTestCompany.SetUpAsync(company, provider, ["Example.TEST", "café.test"]);
        var settings = await company.Admin.Http.GetStringAsync(sso.SettingsUrl);
        Assert.DoesNotContain(sso.ClientSecret, settings, StringComparison.Ordinal);
        var read = JsonDocument.Parse(settings).RootElement;
        Assert.True(read.GetProperty("configured").GetBoolean());
        Assert.True(read.GetProperty("clientSecretSet").GetBoolean());
        Assert.False(read.TryGetProperty("clientSecret", out _));
        Assert.Equal(provider.Issuer, read.GetProperty("issuer").GetString());
        Assert.Equal(["example.test", "xn--caf-dma.test"], read.GetProperty("allowedDomains").EnumerateArray().Select(d => d.GetString()));

        // Stored encrypted, bound to its row: readable with the deployment's key only.
        var stored = await AccountTestKit.ScalarAsync<string>(await app.DatabaseConnectionStringAsync(),
            "SELECT encrypted_client_secret || '|' || id FROM company_sso_providers WHERE company_id = @c", ("c", Guid.Parse(company.CompanyId)));
        var (cipher, rowId) = (stored!.Split('|')[0], Guid.Parse(stored.Split('|')[1]));
        Assert.DoesNotContain(sso.ClientSecret, cipher, StringComparison.Ordinal);
        Assert.Equal(sso.ClientSecret, new WebhookSecretProtector(InProcessApi.WebhookKey).Unprotect(cipher, rowId));

        // Left out, the secret stays; the rest is replaced.
        var changed = await company.Admin.Http.PutAsJsonAsync(sso.SettingsUrl, new
        {
            issuer = provider.Issuer, clientId = sso.ClientId, allowedDomains = new[] { "example.test" }, mandatory = true, enabled = true,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True((await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mandatory").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await sso.SignInAsync(app, TestPerson.For(company.Admin.Email))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await company.Admin.Http.DeleteAsync(sso.SettingsUrl)).StatusCode);
        await (await company.Admin.Http.DeleteAsync(sso.SettingsUrl)).AssertProblemAsync(HttpStatusCode.NotFound, "sso-not-configured");
        await (await sso.SignInAsync(app, TestPerson.For(company.Admin.Email))).AssertProblemAsync(HttpStatusCode.NotFound, "sso-not-configured");
    }

    [Fact]
    public async Task Only_the_company_s_admins_signed_in_manage_it_and_bad_settings_name_their_field()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var url = team.Url("/sso");
        var body = new { issuer = provider.Issuer, clientId = "c", clientSecret = "s", allowedDomains = new[] { "example.test" } };
        foreach (var member in new[] { team.Manager, team.Employee })
        {
            await (await member.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-sso");
            await (await member.Http.PutAsJsonAsync(url, body)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-sso");
            await (await member.Http.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-sso");
        }
        var outsider = await ApiSession.SignUpAsync(app);
        await (await outsider.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var token = await team.Admin.CreateTokenAsync(app, team.CompanyId, "read", "write", "approve");
        Assert.Equal(HttpStatusCode.Forbidden, (await token.Http.GetAsync(url)).StatusCode);

        var http = await (await team.Admin.Http.PutAsJsonAsync(url, body with { issuer = "http://idp.example.com" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "sso-issuer-not-allowed");
        Assert.Equal("https-required", http.GetProperty("reason").GetString());
        await (await team.Admin.Http.PutAsJsonAsync(url, body with { clientSecret = null! }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "required");
        await (await team.Admin.Http.PutAsJsonAsync(url, body with { allowedDomains = new[] { "intranet" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-email-domain");
    }

    [Fact]
    public async Task A_member_signs_in_and_stays_linked_by_subject_even_when_the_provider_changes_their_address()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var sso = await SsoTestCompany.SetUpAsync(team, provider, ["example.test"]);
        var person = TestPerson.For(team.Employee.Email);
        var (token, user) = await sso.SignedInAsync(app, person);
        Assert.Equal(team.Employee.UserId, user.GetProperty("id").GetString());
        var session = await app.Api().WithToken(token).GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal(team.Employee.Email, session.GetProperty("user").GetProperty("email").GetString());

        // The provider now says this subject is the manager: the link wins, the manager's account is not reached.
        var (_, again) = await sso.SignedInAsync(app, person with { Email = team.Manager.Email });
        Assert.Equal(team.Employee.UserId, again.GetProperty("id").GetString());

        // Another subject claiming the employee's address is refused: the account has its subject at this issuer.
        await (await sso.SignInAsync(app, TestPerson.For(team.Employee.Email)))
            .AssertProblemAsync(HttpStatusCode.Conflict, "sso-identity-conflict");
    }

    [Fact]
    public async Task A_member_whose_address_was_never_proven_loses_the_password_and_sessions_whoever_set_them_when_the_provider_vouches_for_it()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var sso = await SsoTestCompany.SetUpAsync(team, provider, ["example.test"]);
        // Whoever holds this account's password and session may not own the address: it was never proven.
        await CompanyTestKit.ScalarAsync(app, "UPDATE users SET email_verified = false WHERE id = $1 RETURNING 0", Guid.Parse(team.Employee.UserId));
        Assert.Equal(HttpStatusCode.OK, (await app.Api().WithToken(team.Employee.Token).GetAsync("/api/auth/session")).StatusCode);

        var (token, user) = await sso.SignedInAsync(app, TestPerson.For(team.Employee.Email));
        Assert.Equal(team.Employee.UserId, user.GetProperty("id").GetString());
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().WithToken(team.Employee.Token).GetAsync("/api/auth/session")).StatusCode);
        await (await AccountTestKit.SignInAsync(app.Api(), team.Employee.Email, team.Employee.Password))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "wrong-credentials");
        Assert.Equal(HttpStatusCode.OK, (await app.Api().WithToken(token).GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_of_an_allowed_domain_gets_an_account_without_password_nor_membership()
    {
        var company = await TestCompany.CreateAsync(app);
        var sso = await SsoTestCompany.SetUpAsync(company, provider, ["example.test"]);
        var email = ApiSession.UniqueEmail("newcomer");
        var (token, user) = await sso.SignedInAsync(app, TestPerson.For(email) with { Name = "Noa Newcomer" });
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Noa Newcomer", user.GetProperty("name").GetString());
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("activeMembershipId").ValueKind);
        // It joins the company by invitation or SCIM only.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api().WithToken(token).GetAsync(company.Url())).StatusCode);
        // No password: any guess is a wrong one.
        await (await AccountTestKit.SignInAsync(app.Api(), email, ApiSession.StrongPassword()))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "wrong-credentials");
    }

    [Fact]
    public async Task Another_company_s_account_is_not_linked_by_its_address()
    {
        var company = await TestCompany.CreateAsync(app);
        var sso = await SsoTestCompany.SetUpAsync(company, provider, ["example.test"]);
        // Anyone can make a company, point its SSO at a provider of their own and list any domain.
        var outsider = await ApiSession.SignUpAsync(app);
        await (await sso.SignInAsync(app, TestPerson.For(outsider.Email))).AssertProblemAsync(HttpStatusCode.Forbidden, "sso-account-not-member");
        Assert.Equal(0L, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM sso_identities WHERE user_id = $1", Guid.Parse(outsider.UserId)));
    }

    [Fact]
    public async Task Tokens_that_fail_a_check_and_people_outside_the_rules_are_refused()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var sso = await SsoTestCompany.SetUpAsync(team, provider, ["example.test"]);
        var email = team.Employee.Email;
        foreach (var flaw in new[] { TokenFlaw.OtherAudience, TokenFlaw.Expired, TokenFlaw.UnpublishedKey, TokenFlaw.OtherNonce, TokenFlaw.OtherIssuer })
        {
            var refused = await sso.SignInAsync(app, TestPerson.For(email, flaw: flaw));
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{flaw}: {refused.StatusCode}");
            await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "sso-sign-in-failed");
        }
        // PKCE: the code without its verifier is worth nothing; and a code is used once.
        await (await sso.SignInAsync(app, TestPerson.For(email), tamper: a => a with { Verifier = new string('v', 43) }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "sso-sign-in-failed");
        await (await sso.SignInAsync(app, TestPerson.For(email, emailVerified: false)))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "sso-email-not-verified");
        await (await sso.SignInAsync(app, TestPerson.For(ApiSession.UniqueEmail().Replace("example.test", "elsewhere.test"))))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "sso-domain-not-allowed");
        Assert.Equal(0L, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM sso_identities WHERE user_id = $1", Guid.Parse(team.Employee.UserId)));
    }

    [Fact]
    public async Task A_second_company_s_provider_cannot_sign_into_the_first()
    {
        var first = await CompanyTestKit.CreateTeamAsync(app);
        await SsoTestCompany.SetUpAsync(first, provider, ["example.test"]);
        var second = await TestCompany.CreateAsync(app);
        var secondSso = await SsoTestCompany.SetUpAsync(second, provider, ["example.test"]);
        // A code the provider issued to the second company's client, handed over as the first company's sign-in.
        await (await secondSso.SignInAsync(app, TestPerson.For(first.Employee.Email), companyId: first.CompanyId))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "sso-sign-in-failed");
    }

    [Fact]
    public async Task Mandatory_sso_refuses_a_member_s_password_even_after_a_reset_but_not_an_admin_s()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var sso = await SsoTestCompany.SetUpAsync(team, provider, ["example.test"], mandatory: true);
        var refused = await (await AccountTestKit.SignInAsync(app.Api(), team.Employee.Email, team.Employee.Password))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "sso-required");
        Assert.Equal(team.CompanyId, refused.GetProperty("companyId").GetString());
        Assert.False(string.IsNullOrEmpty(refused.GetProperty("companyName").GetString()));
        await (await AccountTestKit.SignInAsync(app.Api(), team.Manager.Email, team.Manager.Password))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "sso-required");
        // Break-glass: the admin's password still opens a session.
        Assert.Equal(HttpStatusCode.OK, (await AccountTestKit.SignInAsync(app.Api(), team.Admin.Email, team.Admin.Password)).StatusCode);
        // And the member signs in with the company's SSO.
        Assert.Equal(HttpStatusCode.OK, (await sso.SignInAsync(app, TestPerson.For(team.Employee.Email))).StatusCode);

        // A reset sets a password the sign-in refuses the same way.
        var newPassword = ApiSession.StrongPassword();
        var reset = await ResetPasswordAsync(team.Employee.Email, newPassword);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await (await AccountTestKit.SignInAsync(app.Api(), team.Employee.Email, newPassword)).AssertProblemAsync(HttpStatusCode.Forbidden, "sso-required");

        // Turned off, the provider requires nothing.
        var off = await team.Admin.Http.PutAsJsonAsync(sso.SettingsUrl, new
        {
            issuer = provider.Issuer, clientId = sso.ClientId, allowedDomains = new[] { "example.test" }, mandatory = true, enabled = false,
        });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccountTestKit.SignInAsync(app.Api(), team.Employee.Email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task Discovery_takes_a_domain_never_an_address_and_names_its_companies()
    {
        var domain = $"d{Guid.NewGuid():N}.test";
        var company = await TestCompany.CreateAsync(app);
        await SsoTestCompany.SetUpAsync(company, provider, [domain]);
        foreach (var written in new[] { domain, $" {domain.ToUpperInvariant()}. " })
        {
            var found = await app.Api().GetFromJsonAsync<JsonElement>($"/api/sso/discover?domain={Uri.EscapeDataString(written)}");
            Assert.Equal(company.CompanyId, Assert.Single(found.GetProperty("companies").EnumerateArray()).GetProperty("companyId").GetString());
        }
        var none = await app.Api().GetFromJsonAsync<JsonElement>($"/api/sso/discover?domain=other-{domain}");
        Assert.Empty(none.GetProperty("companies").EnumerateArray());
        await (await app.Api().GetAsync("/api/sso/discover?domain=someone@" + domain)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-email-domain");

        var authorization = await app.Api().GetFromJsonAsync<JsonElement>($"/api/sso/companies/{company.CompanyId}/authorization");
        Assert.Equal(provider.Issuer + "/authorize", authorization.GetProperty("authorizationEndpoint").GetString());
        await (await app.Api().GetAsync($"/api/sso/companies/{Guid.NewGuid()}/authorization")).AssertProblemAsync(HttpStatusCode.NotFound, "sso-not-configured");
    }

    [Fact]
    public async Task No_code_token_or_secret_reaches_the_api_s_logs_even_at_trace_level()
    {
        var logs = new CapturedLogs();
        using var logged = app.Factory.WithWebHostBuilder(host => host.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var sso = await SsoTestCompany.SetUpAsync(team, provider, ["example.test"]);
        var codes = new List<string>();
        foreach (var person in new[] { TestPerson.For(team.Employee.Email), TestPerson.For(team.Manager.Email, flaw: TokenFlaw.UnpublishedKey) })
        {
            provider.AddPerson(person);
            var (code, verifier, nonce) = await provider.AuthorizeAsync(sso.ClientId, sso.RedirectUri, person.Login);
            codes.AddRange([code, verifier, nonce]);
            var answer = await logged.CreateDefaultClient().PostAsJsonAsync("/api/sso/sessions", new
            {
                companyId = team.CompanyId, code, codeVerifier = verifier, redirectUri = sso.RedirectUri, nonce,
            });
            if (answer.StatusCode == HttpStatusCode.OK) codes.Add((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }
        Assert.Contains(logs.Lines, line => line.Contains("Single sign-on with company", StringComparison.Ordinal));
        foreach (var secret in codes.Append(sso.ClientSecret))
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret[..20], StringComparison.Ordinal));
        }
    }

    private async Task<HttpResponseMessage> ResetPasswordAsync(string email, string password)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email })).StatusCode);
        var token = SecureToken.Create();
        Assert.Equal(1, await AccountTestKit.ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(), """
            UPDATE user_tokens SET token_hash = @hash
            WHERE id = (SELECT t.id FROM user_tokens t JOIN users u ON u.id = t.user_id
                        WHERE u.email = lower(@email) AND t.purpose = 'RESET_PASSWORD' AND t.used_at IS NULL
                        ORDER BY t.created_at DESC LIMIT 1)
            """, ("hash", SecureToken.Hash(token)), ("email", email)));
        return await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password });
    }
}
