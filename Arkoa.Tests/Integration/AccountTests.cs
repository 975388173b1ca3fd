using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// /api/users: profile (an e-mail change needs the password, waits for its link and can be undone from the former
/// address), GDPR export and erasure, active membership and role (SPEC §5).
/// </summary>
public sealed class AccountTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
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

    /// <summary>Longer than any name (100 characters) or theme.</summary>
    private const string LongText = "Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij";

    /// <summary>
    /// Each value a careless or hostile client may send for one field, beside good values for the others: the answer
    /// names that field and the account keeps every one of its values (a review found <c>language: ""</c> stored).
    /// </summary>
    [Theory]
    [InlineData("language", "\"\"")]
    [InlineData("language", "\" \"")]
    [InlineData("language", "\"EN\"")]
    [InlineData("language", "\"en \"")]
    [InlineData("language", "\"fr\\u0007\"")]
    [InlineData("language", "\"frfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfrfr\"")]
    [InlineData("theme", "\"\"")]
    [InlineData("theme", "\"\\t\"")]
    [InlineData("theme", "\"Dark\"")]
    [InlineData("theme", "\"dark\\u0000\"")]
    [InlineData("name", "\"\"")]
    [InlineData("name", "\" \\u00a0 \"")]
    [InlineData("name", "\"Ann\\u001b[2J\"")]
    [InlineData("name", "\"Ann\\nBob\"")]
    [InlineData("name", "\"" + LongText + "\"")]
    [InlineData("theme", "\"" + LongText + "\"")]
    [InlineData("email", "\"\"")]
    [InlineData("email", "\"  \"")]
    [InlineData("currentPassword", "\"\"")]
    public async Task A_bad_profile_value_beside_good_ones_is_refused_naming_its_field_and_changes_nothing(string field, string value)
    {
        var user = await ApiSession.SignUpAsync(app, "Unchanged");
        var before = (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user");
        var good = new Dictionary<string, string>
        {
            ["name"] = "\"Changed\"", ["language"] = "\"en\"", ["theme"] = "\"dark\"",
            ["email"] = $"\"{ApiSession.UniqueEmail("moved")}\"", ["currentPassword"] = $"\"{user.Password}\"",
        };
        good[field] = value;
        var json = "{" + string.Join(",", good.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

        var response = await user.Http.PatchAsync("/api/users/me", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await AuthFlowTests.Assert400WithField(response, field);
        var after = (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user");
        foreach (var kept in new[] { "name", "language", "theme", "email", "pendingEmail" })
        {
            Assert.Equal(before.GetProperty(kept).ToString(), after.GetProperty(kept).ToString());
        }
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"de\"")]
    [InlineData("\" fr\"")]
    public async Task Signing_up_with_an_unknown_language_is_refused_naming_the_field(string language)
    {
        var email = ApiSession.UniqueEmail();
        var json = $$"""{"name":"Lang","email":"{{email}}","password":"violet tramway 1987 pelican","language":{{language}}}""";
        var response = await app.Api().PostAsync("/api/auth/sign-up", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await AuthFlowTests.Assert400WithField(response, "language");
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", email));
    }

    [Fact]
    public async Task An_email_change_needs_the_password_and_takes_effect_only_through_the_link_mailed_to_the_new_address()
    {
        var user = await ApiSession.SignUpAsync(app, "Mover");
        var newEmail = ApiSession.UniqueEmail("moved");

        await AuthFlowTests.Assert400WithField(await user.Http.PatchAsJsonAsync("/api/users/me", new { email = newEmail }), "currentPassword");
        var response = await user.Http.PatchAsJsonAsync("/api/users/me",
            new { email = newEmail.ToUpperInvariant(), currentPassword = user.Password, language = "en" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(user.Email, body.GetProperty("email").GetString());
        Assert.True(body.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(newEmail, body.GetProperty("pendingEmail").GetString());
        // Pending: the account signs in with its address as before, not with the new one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app.Api(), newEmail, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api(), user.Email, user.Password)).StatusCode);

        var (link, token, text) = await WaitForLinkAsync(app.Inbox(), newEmail, "Confirm your new e-mail address", "confirm-email");
        Assert.Contains("Hello Mover", text);
        Assert.Equal(app.App.GetEndpoint("web", "http").Authority, link.Authority);
        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        var confirmed = await WebForms.PostFormAsync(browser, link.PathAndQuery, "confirm-email-change", new() { ["Token"] = token });
        Assert.Contains("Your account now uses this address", await confirmed.Content.ReadAsStringAsync());

        var session = (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user");
        Assert.Equal(newEmail, session.GetProperty("email").GetString());
        Assert.True(session.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("pendingEmail").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api(), newEmail, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app.Api(), user.Email, user.Password)).StatusCode);
        // The link works once.
        await AuthFlowTests.Assert400WithField(await app.Api().PostAsJsonAsync("/api/auth/confirm-email-change", new { token }), "token");

        // The former address hears of it, with the undo link; the link opens the Web's undo page.
        var (undoLink, _, notice) = await WaitForLinkAsync(app.Inbox(), user.Email, "The e-mail address of your Arkoa account was changed", "undo-email-change");
        Assert.Contains(newEmail, notice);
        var undoPage = await browser.GetStringAsync(undoLink.PathAndQuery);
        Assert.Contains("Give my address back and sign out everywhere", undoPage);

        // A wrong current password changes nothing (asked last: a wrong password delays the next check, SignInDelay).
        await AuthFlowTests.Assert400WithField(await user.Http.PatchAsJsonAsync("/api/users/me",
            new { email = ApiSession.UniqueEmail("never"), currentPassword = "not it at all 1" }), "currentPassword");
        Assert.Equal(JsonValueKind.Null, (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user").GetProperty("pendingEmail").ValueKind);
    }

    [Fact]
    public async Task The_undo_link_gives_the_former_address_back_ends_every_session_and_the_password()
    {
        var user = await ApiSession.SignUpAsync(app, "Taken Over");
        var otherDevice = app.Api().WithToken(await SignInTokenAsync(app.Api(), user.Email, user.Password));
        // Someone with the session and the password moves the account to a mailbox of theirs, then further.
        var (intruder, further) = (ApiSession.UniqueEmail("intruder"), ApiSession.UniqueEmail("further"));
        await MoveAsync(user, intruder);
        var (_, undoToken, _) = await WaitForLinkAsync(app.Inbox(), user.Email, "L'adresse e-mail de votre compte Arkoa a été modifiée", "undo-email-change");
        await MoveAsync(user, further);
        var (_, intruderUndo, _) = await WaitForLinkAsync(app.Inbox(), intruder, "L'adresse e-mail de votre compte Arkoa a été modifiée", "undo-email-change");

        // While the link is valid the former address stays the account's: a sign-up with it creates nothing.
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/sign-up",
            new { name = "Blocker", email = user.Email, password = ApiSession.StrongPassword() })).StatusCode);
        await app.Inbox().WaitForOneAsync(user.Email, s => s == "Quelqu'un a essayé de créer un compte Arkoa avec votre adresse");
        var connection = await app.DatabaseConnectionStringAsync();
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM users WHERE email = @email", ("email", user.Email)));

        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        var undone = await WebForms.PostFormAsync(browser, $"/undo-email-change?token={Uri.EscapeDataString(undoToken)}", "undo-email-change",
            new() { ["Token"] = undoToken });
        Assert.Contains("Your account uses this address again", await undone.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherDevice.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app.Api(), user.Email, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app.Api(), further, user.Password)).StatusCode);
        // The intruder's own undo link (to move it back to their mailbox) died with it, and the link works once.
        await AuthFlowTests.Assert400WithField(await app.Api().PostAsJsonAsync("/api/auth/undo-email-change", new { token = intruderUndo }), "token");
        await AuthFlowTests.Assert400WithField(await app.Api().PostAsJsonAsync("/api/auth/undo-email-change", new { token = undoToken }), "token");

        // The restored address receives the link to choose a new password; with it the owner is back in.
        var (resetLink, resetToken, _) = await WaitForLinkAsync(app.Inbox(), user.Email, "Réinitialisez votre mot de passe Arkoa", "reset-password");
        var reset = await WebForms.PostFormAsync(browser, resetLink.PathAndQuery, "reset-password", new()
        {
            ["Token"] = resetToken,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Contains("Your password is changed", await reset.Content.ReadAsStringAsync());
        var back = app.Api().WithToken(await SignInTokenAsync(app.Api(), user.Email, NewPassword));
        var session = (await back.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user");
        Assert.Equal(user.Email, session.GetProperty("email").GetString());
        Assert.True(session.GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task An_email_change_to_an_address_another_account_uses_answers_the_same_and_mails_that_owner()
    {
        var owner = await ApiSession.SignUpAsync(app, "Address Owner");
        var mover = await ApiSession.SignUpAsync(app, "Mover Two");
        var free = await ApiSession.SignUpAsync(app, "Free Mover");
        var freeEmail = ApiSession.UniqueEmail("free");

        var taken = await mover.Http.PatchAsJsonAsync("/api/users/me", new { email = owner.Email.ToUpperInvariant(), currentPassword = mover.Password });
        var untaken = await free.Http.PatchAsJsonAsync("/api/users/me", new { email = freeEmail, currentPassword = free.Password });

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, untaken.StatusCode);
        Assert.Equal(untaken.Headers.Select(h => h.Key).Order(), taken.Headers.Select(h => h.Key).Order());
        var takenBody = await taken.Content.ReadFromJsonAsync<JsonElement>();
        var untakenBody = await untaken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(untakenBody.EnumerateObject().Select(p => p.Name), takenBody.EnumerateObject().Select(p => p.Name));
        Assert.Equal(owner.Email, takenBody.GetProperty("pendingEmail").GetString());
        Assert.Equal(freeEmail, untakenBody.GetProperty("pendingEmail").GetString());

        // The owner gets no link to confirm, but word of the attempt, whose link leads to a new password.
        var notice = await app.Inbox().WaitForOneAsync(owner.Email, s => s == "Quelqu'un a essayé de déplacer un compte Arkoa vers votre adresse");
        var text = await app.Inbox().PlainTextAsync(notice.Id);
        Assert.Contains("Bonjour Address Owner", text);
        var link = Assert.Single(LinksIn(text));
        Assert.Equal("/forgot-password", link.AbsolutePath);
        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        Assert.Contains("name=\"Input.Email\"", await browser.GetStringAsync(link.PathAndQuery));
        // The free address got its link; the Worker sends in order, so a link to the owner would be there by now too.
        await WaitForLinkAsync(app.Inbox(), freeEmail, "Confirmez votre nouvelle adresse e-mail", "confirm-email");
        Assert.DoesNotContain(await app.Inbox().WaitForAsync(owner.Email, timeout: TimeSpan.Zero), m => m.Subject == "Confirmez votre nouvelle adresse e-mail");

        Assert.Equal(owner.Email, (await owner.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(mover.Email, (await mover.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Giving_the_current_address_back_withdraws_a_pending_change_and_its_link()
    {
        var user = await ApiSession.SignUpAsync(app, "Hesitant");
        var newEmail = ApiSession.UniqueEmail("maybe");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me", new { email = newEmail, currentPassword = user.Password })).StatusCode);
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), newEmail, "Confirmez votre nouvelle adresse e-mail", "confirm-email");

        var kept = await user.Http.PatchAsJsonAsync("/api/users/me", new { email = user.Email });

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pendingEmail").ValueKind);
        await AuthFlowTests.Assert400WithField(await app.Api().PostAsJsonAsync("/api/auth/confirm-email-change", new { token }), "token");
        Assert.Equal(user.Email, (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user").GetProperty("email").GetString());
    }

    [Fact]
    public async Task E_mail_change_requests_are_limited_to_five_an_hour()
    {
        var user = await ApiSession.SignUpAsync(app);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me",
                new { email = ApiSession.UniqueEmail($"spam{i}"), currentPassword = user.Password })).StatusCode);
        }

        var sixth = await user.Http.PatchAsJsonAsync("/api/users/me", new { email = ApiSession.UniqueEmail("spam5"), currentPassword = user.Password, name = "Renamed" });

        await ProblemAsync(sixth, HttpStatusCode.TooManyRequests);
        Assert.NotNull(sixth.Headers.RetryAfter);
        var session = (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user");
        Assert.Equal("Test User", session.GetProperty("name").GetString());
        Assert.StartsWith("spam4-", session.GetProperty("pendingEmail").GetString());
    }

    [Fact]
    public async Task An_expired_verification_link_is_refused_naming_the_token()
    {
        var user = await ApiSession.SignUpUnverifiedAsync(app);
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), user.Email, "Confirmez votre adresse e-mail", "verify-email");
        await ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(),
            "UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE user_id = @id AND purpose = 'VERIFY_EMAIL'",
            ("id", Guid.Parse(user.UserId)));

        // Said as such (issue 14 §10), on the token field.
        var expired = await ProblemAsync(await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token }), HttpStatusCode.BadRequest);
        Assert.Equal("link-expired", expired.GetProperty("errorCodes").GetProperty("token")[0].GetString());
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.False(session.GetProperty("user").GetProperty("emailVerified").GetBoolean());
    }

    /// <summary>Moves the account to <paramref name="newEmail"/> as its user would: password, then the link of the mail.</summary>
    private async Task MoveAsync(ApiSession user, string newEmail)
    {
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me", new { email = newEmail, currentPassword = user.Password })).StatusCode);
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), newEmail, "Confirmez votre nouvelle adresse e-mail", "confirm-email");
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api().PostAsJsonAsync("/api/auth/confirm-email-change", new { token })).StatusCode);
        Assert.Equal(newEmail, (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user").GetProperty("email").GetString());
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

        // The address is free again: a new account gets it.
        var again = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Back Again", email = leaver.Email, password = ApiSession.StrongPassword() });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT count(*) FROM users WHERE email = @email", ("email", leaver.Email)));
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
