using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>Forgotten, reset and changed passwords (SPEC §5), each change mailed to the account.</summary>
public sealed class PasswordTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    private const string ResetSubjectFr = "Réinitialisez votre mot de passe Arkoa";

    [Fact]
    public async Task Forgot_password_mails_a_link_that_resets_the_password_once_and_revokes_every_session()
    {
        var user = await ApiSession.SignUpAsync(app, "Reset Me");
        var otherDevice = app.Api().WithToken(await SignInTokenAsync(app.Api(), user.Email, user.Password));

        var forgot = await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email = user.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);

        var (link, token, text) = await WaitForLinkAsync(app.Inbox(), user.Email, ResetSubjectFr, "reset-password");
        Assert.Equal(app.App.GetEndpoint("web", "http").Authority, link.Authority);
        Assert.Contains("Bonjour Reset Me", text);
        Assert.Contains("1 heure", text);

        var reset = await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherDevice.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app.Api(), user.Email, user.Password)).StatusCode);
        // From another client: the failure just above delays this one's next attempt.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, NewPassword)).StatusCode);

        var reused = await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password = "yet another 99" });
        await AuthFlowTests.Assert400WithField(reused, "token");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_answers_an_unknown_address_exactly_like_a_known_one_and_mails_nobody()
    {
        var user = await ApiSession.SignUpAsync(app);
        var unknownEmail = ApiSession.UniqueEmail("nobody");

        var unknown = await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email = unknownEmail });
        var known = await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email = user.Email });

        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(known.Headers.Select(h => h.Key).Order(), unknown.Headers.Select(h => h.Key).Order());

        // The Worker sends in order: once the known address has its mail, the unknown one would have had its own.
        await WaitForLinkAsync(app.Inbox(), user.Email, ResetSubjectFr, "reset-password");
        Assert.Empty(await app.Inbox().WaitForAsync(unknownEmail, timeout: TimeSpan.Zero));
    }

    [Fact]
    public async Task An_expired_reset_link_is_refused_naming_the_token()
    {
        var user = await ApiSession.SignUpAsync(app);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email = user.Email })).StatusCode);
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), user.Email, ResetSubjectFr, "reset-password");

        // An hour later, as far as the database can tell.
        await ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(),
            "UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE user_id = @id AND purpose = 'RESET_PASSWORD'",
            ("id", Guid.Parse(user.UserId)));

        var reset = await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password = NewPassword });
        await AuthFlowTests.Assert400WithField(reset, "token");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api(), user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_and_the_link_still_works_afterwards()
    {
        var user = await ApiSession.SignUpAsync(app);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email = user.Email })).StatusCode);
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), user.Email, ResetSubjectFr, "reset-password");

        await AuthFlowTests.Assert400WithField(
            await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password = "short1" }), "password");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/session")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent,
            (await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password = NewPassword })).StatusCode);
    }

    [Theory]
    [InlineData("not-a-real-token")]
    [InlineData("")]
    public async Task An_unknown_or_missing_token_is_refused_naming_the_token(string token)
    {
        var response = await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password = NewPassword });
        await AuthFlowTests.Assert400WithField(response, "token");
    }

    [Fact]
    public async Task A_verification_token_cannot_reset_a_password()
    {
        var user = await ApiSession.SignUpThroughApiAsync(app); // its verification mail is the point
        var (_, verifyToken, _) = await WaitForLinkAsync(app.Inbox(), user.Email, "Confirmez votre adresse e-mail", "verify-email");
        var response = await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token = verifyToken, password = NewPassword });
        await AuthFlowTests.Assert400WithField(response, "token");
    }

    [Fact]
    public async Task The_forgot_and_reset_pages_of_the_web_work_end_to_end()
    {
        var user = await ApiSession.SignUpAsync(app);
        var web = app.App.GetEndpoint("web", "http");

        using var browser = WebForms.Browser(web);
        var asked = await WebForms.PostFormAsync(browser, "/forgot-password", "forgot-password", new() { ["Input.Email"] = user.Email });
        Assert.Contains("a link to choose a new password is on its way", await asked.Content.ReadAsStringAsync());

        var (link, token, _) = await WaitForLinkAsync(app.Inbox(), user.Email, ResetSubjectFr, "reset-password");
        var mismatch = await WebForms.PostFormAsync(browser, link.PathAndQuery, "reset-password", new()
        {
            ["Token"] = token,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword + "x",
        });
        Assert.Contains("The two passwords differ.", await mismatch.Content.ReadAsStringAsync());

        var done = await WebForms.PostFormAsync(browser, link.PathAndQuery, "reset-password", new()
        {
            ["Token"] = token,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("Your password is changed", html);
        Assert.DoesNotContain(NewPassword, html);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api(), user.Email, NewPassword)).StatusCode);

        // The same link again: the page says why it failed and offers a new one.
        var again = await WebForms.PostFormAsync(browser, link.PathAndQuery, "reset-password", new()
        {
            ["Token"] = token,
            ["Input.Password"] = "third harbour 333",
            ["Input.ConfirmPassword"] = "third harbour 333",
        });
        var againHtml = await again.Content.ReadAsStringAsync();
        Assert.Contains("This link is invalid, used or expired.", againHtml);
        Assert.Contains("href=\"/forgot-password\"", againHtml);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var user = await ApiSession.SignUpAsync(app);
        var otherDevice = app.Api().WithToken(await SignInTokenAsync(app.Api(), user.Email, user.Password));

        var change = await user.Http.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = user.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherDevice.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app.Api(), user.Email, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_weak_new_one_changes_nothing()
    {
        var user = await ApiSession.SignUpAsync(app);

        var wrong = await user.Http.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = "not my password 1", newPassword = NewPassword });
        await AuthFlowTests.Assert400WithField(wrong, "currentPassword");
        var weak = await user.Http.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = user.Password, newPassword = "letters" });
        await AuthFlowTests.Assert400WithField(weak, "newPassword");
        var missing = await user.Http.PostAsJsonAsync("/api/auth/change-password", new { newPassword = NewPassword });
        await AuthFlowTests.Assert400WithField(missing, "currentPassword");
        var anonymous = await app.Api().PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = user.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // From another client: the wrong current password delays this one's next attempt.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_mails_the_account_a_notice_whose_link_leads_to_a_new_password()
    {
        var user = await ApiSession.SignUpAsync(app, "Notice Me");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = user.Password, newPassword = NewPassword })).StatusCode);

        var mail = await app.Inbox().WaitForOneAsync(user.Email, s => s == "Votre mot de passe Arkoa a été modifié");
        var text = await app.Inbox().PlainTextAsync(mail.Id);
        Assert.Contains("Bonjour Notice Me", text);
        Assert.DoesNotContain(NewPassword, text);
        Assert.Contains("<a href=", await app.Inbox().SourceAsync(mail.Id)); // the HTML twin
        await AssertLeadsToForgotPasswordAsync(text);
    }

    [Fact]
    public async Task Resetting_the_password_mails_the_account_a_notice_in_its_language()
    {
        var user = await ApiSession.SignUpAsync(app, "Reset Notice");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me", new { language = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email = user.Email })).StatusCode);
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), user.Email, "Reset your Arkoa password", "reset-password");

        Assert.Equal(HttpStatusCode.NoContent, (await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password = NewPassword })).StatusCode);

        var mail = await app.Inbox().WaitForOneAsync(user.Email, s => s == "Your Arkoa password was reset");
        var text = await app.Inbox().PlainTextAsync(mail.Id);
        Assert.Contains("Hello Reset Notice", text);
        Assert.Contains("every device was signed out", text);
        await AssertLeadsToForgotPasswordAsync(text);
    }

    /// <summary>The notice's one link opens the Web's page that mails a link to choose a new password.</summary>
    private async Task AssertLeadsToForgotPasswordAsync(string text)
    {
        var link = Assert.Single(LinksIn(text));
        Assert.Equal(app.App.GetEndpoint("web", "http").Authority, link.Authority);
        Assert.Equal("/forgot-password", link.AbsolutePath);
        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        Assert.Contains("name=\"Input.Email\"", await browser.GetStringAsync(link.PathAndQuery));
    }

    [Fact]
    public async Task The_change_password_page_changes_it_and_keeps_the_browser_signed_in()
    {
        var web = app.App.GetEndpoint("web", "http");
        using var browser = WebForms.Browser(web);
        var user = await ApiSession.SignUpAsync(app, "Web Password");
        // The account's language wins at sign-in; this test reads English.
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me", new { language = "en" })).StatusCode);
        var email = user.Email;
        await WebForms.PostFormAsync(browser, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = user.Password,
        });

        var changed = await WebForms.PostFormAsync(browser, "/account/password", "change-password", new()
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Contains("Your password is changed.", await changed.Content.ReadAsStringAsync());
        Assert.Contains("My companies", await browser.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), email, NewPassword)).StatusCode);

        // Last, as a failure delays this browser's next attempt.
        var wrong = await WebForms.PostFormAsync(browser, "/account/password", "change-password", new()
        {
            ["Input.CurrentPassword"] = "wrong pass 1",
            ["Input.NewPassword"] = "violet tramway 1987 pelican",
            ["Input.ConfirmPassword"] = "violet tramway 1987 pelican",
        });
        Assert.Contains("The current password is wrong.", await wrong.Content.ReadAsStringAsync());
    }
}
