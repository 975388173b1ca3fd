using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>/api/users: profile, GDPR export and erasure, active membership and role (SPEC §5).</summary>
[Collection(AppCollection.Name)]
public sealed class AccountTests(ArkoaAppFixture app)
{
    [Fact]
    public async Task Name_and_language_change_and_are_returned()
    {
        var user = await ApiSession.SignUpAsync(app);
        var response = await user.Http.PatchAsJsonAsync("/api/users/me", new { name = "  New Name  ", language = "en" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("New Name", body.GetProperty("name").GetString());
        Assert.Equal("en", body.GetProperty("language").GetString());
        Assert.Equal(user.Email, body.GetProperty("email").GetString());

        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal("New Name", session.GetProperty("user").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"language":"de"}""", "language")]
    [InlineData("""{"email":"not an address"}""", "email")]
    public async Task Bad_profile_values_are_refused_naming_the_field(string json, string field)
    {
        var user = await ApiSession.SignUpAsync(app, "Unchanged");
        var response = await user.Http.PatchAsync("/api/users/me", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await AuthFlowTests.Assert400WithField(response, field);
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal("Unchanged", session.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(user.Email, session.GetProperty("user").GetProperty("email").GetString());
    }

    [Fact]
    public async Task An_email_change_unverifies_the_account_and_mails_a_link_to_the_new_address()
    {
        var user = await ApiSession.SignUpAsync(app, "Mover");
        var (_, signUpToken, _) = await WaitForLinkAsync(app.Inbox(), user.Email, "Confirmez votre adresse e-mail", "verify-email");
        var newEmail = ApiSession.UniqueEmail("moved");

        var response = await user.Http.PatchAsJsonAsync("/api/users/me", new { email = newEmail.ToUpperInvariant(), language = "en" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(newEmail, body.GetProperty("email").GetString());
        Assert.False(body.GetProperty("emailVerified").GetBoolean());

        // The sign-up link went to the old address: it must not confirm the new one.
        await AuthFlowTests.Assert400WithField(
            await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token = signUpToken }), "token");

        var (_, token, text) = await WaitForLinkAsync(app.Inbox(), newEmail, "Confirm your new e-mail address", "verify-email");
        Assert.Contains("Hello Mover", text);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token })).StatusCode);
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.True(session.GetProperty("user").GetProperty("emailVerified").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api(), newEmail, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app.Api(), user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task An_expired_verification_link_is_refused_naming_the_token()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), user.Email, "Confirmez votre adresse e-mail", "verify-email");
        await ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(),
            "UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE user_id = @id AND purpose = 'VERIFY_EMAIL'",
            ("id", Guid.Parse(user.UserId)));

        await AuthFlowTests.Assert400WithField(await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token }), "token");
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.False(session.GetProperty("user").GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task An_email_that_another_account_uses_is_a_conflict_and_nothing_changes()
    {
        var first = await ApiSession.SignUpAsync(app);
        var second = await ApiSession.SignUpAsync(app, "Second");

        var response = await second.Http.PatchAsJsonAsync("/api/users/me", new { name = "Renamed", email = first.Email.ToUpperInvariant() });
        await ProblemAsync(response, HttpStatusCode.Conflict);

        var session = await second.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal("Second", session.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(second.Email, session.GetProperty("user").GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_export_holds_all_the_users_data_and_no_secret()
    {
        var user = await ApiSession.SignUpAsync(app, "Exported Person");
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 5);
        Assert.Equal(HttpStatusCode.Created, (await user.Http.PostAsJsonAsync(
            $"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(1).Iso(), reason = "Family visit" })).StatusCode);

        var response = await user.Http.GetAsync("/api/users/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.ToString());
        var raw = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(raw).RootElement;

        Assert.Equal(user.Email, export.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("Exported Person", export.GetProperty("profile").GetProperty("name").GetString());
        var membership = Assert.Single(export.GetProperty("memberships").EnumerateArray());
        Assert.Equal("ADMIN", membership.GetProperty("role").GetString());
        Assert.StartsWith("Company ", membership.GetProperty("companyName").GetString());
        var leave = Assert.Single(export.GetProperty("leaves").EnumerateArray());
        Assert.Equal("Family visit", leave.GetProperty("reason").GetString());
        Assert.Contains(export.GetProperty("balances").EnumerateArray(), b => b.GetProperty("type").GetString() == "PAID");
        Assert.Contains(export.GetProperty("balanceHistory").EnumerateArray(), h => h.GetProperty("type").GetString() == "LEAVE_DEDUCTION");
        var session = Assert.Single(export.GetProperty("sessions").EnumerateArray());
        Assert.True(session.GetProperty("current").GetBoolean());

        Assert.DoesNotContain("hash", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(user.Password, raw);
        Assert.DoesNotContain(user.Token, raw);
        Assert.DoesNotContain(Core.Security.SecureToken.Hash(user.Token), raw);
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password()
    {
        var user = await ApiSession.SignUpAsync(app);
        var wrong = await user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me")
        {
            Content = JsonContent.Create(new { password = "not it at all 1" }),
        });
        await AuthFlowTests.Assert400WithField(wrong, "password");
        var missing = await user.Http.DeleteAsync("/api/users/me");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task The_last_admin_of_a_company_cannot_delete_their_account()
    {
        var user = await ApiSession.SignUpAsync(app);
        await user.CreateCompanyAsync();
        var response = await DeleteMeAsync(user);
        await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_erases_the_person_and_keeps_their_leaves_anonymised()
    {
        var admin = await ApiSession.SignUpAsync(app, "Staying Admin");
        var leaver = await ApiSession.SignUpAsync(app, "Leaving Person");
        var (companyId, _) = await admin.CreateCompanyAsync();
        // Joining a company has no endpoint yet in this slice: the membership is written directly.
        var leaverMembership = Guid.CreateVersion7();
        await ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(), """
            INSERT INTO memberships (id, user_id, company_id, role, active, joined_on, created_at, updated_at)
            VALUES (@id, @user, @company, 'EMPLOYEE', true, current_date, now(), now())
            """, ("id", leaverMembership), ("user", Guid.Parse(leaver.UserId)), ("company", Guid.Parse(companyId)));
        var leavesUrl = $"/api/companies/{companyId}/memberships/{leaverMembership}/leaves";
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 6);
        Assert.Equal(HttpStatusCode.Created, (await leaver.Http.PostAsJsonAsync(leavesUrl,
            new { type = "SICK", startDate = monday.Iso(), endDate = monday.Iso(), reason = "Private medical detail" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteMeAsync(leaver)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app.Api(), leaver.Email, leaver.Password)).StatusCode);
        var connection = await app.DatabaseConnectionStringAsync();
        var stored = await ScalarAsync<string>(connection, "SELECT name || ' ' || email || ' ' || password_hash FROM users WHERE id = @id",
            ("id", Guid.Parse(leaver.UserId)));
        Assert.DoesNotContain("Leaving Person", stored);
        Assert.DoesNotContain(leaver.Email, stored);
        Assert.EndsWith(".invalid ", stored);
        Assert.Equal(0L, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM sessions WHERE user_id = @id", ("id", Guid.Parse(leaver.UserId))));
        Assert.Equal(0L, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM outbox_messages WHERE payload->>'to' = @email", ("email", leaver.Email)));

        // The company keeps the leave, without the person's words.
        var leaves = await admin.LeavesAsync(companyId, leaverMembership.ToString());
        var leave = Assert.Single(leaves);
        Assert.Equal("SICK", leave.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, leave.GetProperty("reason").ValueKind);

        // The address is free again.
        var again = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Back Again", email = leaver.Email, password = "fresh start 42" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task The_active_membership_can_be_set_to_the_callers_own_active_membership_only()
    {
        var user = await ApiSession.SignUpAsync(app);
        var other = await ApiSession.SignUpAsync(app);
        var (_, membershipId) = await user.CreateCompanyAsync();
        var (_, otherMembershipId) = await other.CreateCompanyAsync();

        var response = await user.Http.PatchAsJsonAsync("/api/users/active-membership", new { membershipId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(membershipId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activeMembershipId").GetString());
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal(membershipId, session.GetProperty("user").GetProperty("activeMembershipId").GetString());

        await ProblemAsync(await user.Http.PatchAsJsonAsync("/api/users/active-membership", new { membershipId = otherMembershipId }), HttpStatusCode.NotFound);
        await ProblemAsync(await user.Http.PatchAsJsonAsync("/api/users/active-membership", new { membershipId = Guid.NewGuid() }), HttpStatusCode.NotFound);
        await AuthFlowTests.Assert400WithField(await user.Http.PatchAsJsonAsync("/api/users/active-membership", new { }), "membershipId");

        // A deactivated membership cannot be the active one.
        await ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(), "UPDATE memberships SET active = false WHERE id = @id",
            ("id", Guid.Parse(membershipId)));
        await ProblemAsync(await user.Http.PatchAsJsonAsync("/api/users/active-membership", new { membershipId }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_company_role_is_the_callers_and_only_in_their_companies()
    {
        var user = await ApiSession.SignUpAsync(app);
        var other = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await user.CreateCompanyAsync();
        var (otherCompanyId, _) = await other.CreateCompanyAsync();

        var role = await user.Http.GetFromJsonAsync<JsonElement>($"/api/users/company-role?companyId={companyId}");
        Assert.Equal("ADMIN", role.GetProperty("role").GetString());

        await ProblemAsync(await user.Http.GetAsync($"/api/users/company-role?companyId={otherCompanyId}"), HttpStatusCode.Forbidden);
        await AuthFlowTests.Assert400WithField(await user.Http.GetAsync("/api/users/company-role"), "companyId");
        await AuthFlowTests.Assert400WithField(await user.Http.GetAsync("/api/users/company-role?companyId=nope"), "companyId");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync($"/api/users/company-role?companyId={companyId}")).StatusCode);
    }

    private static Task<HttpResponseMessage> DeleteMeAsync(ApiSession user) =>
        user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me")
        {
            Content = JsonContent.Create(new { password = user.Password }),
        });
}
