using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;

namespace Arkoa.Tests.Integration;

public sealed partial class AuthFlowTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task Sign_up_sends_a_verification_mail_whose_token_verifies_the_address()
    {
        var session = await ApiSession.SignUpUnverifiedAsync(app, "Camille Martin");

        var inbox = app.Inbox();
        var mails = await inbox.WaitForAsync(session.Email);
        var mail = Assert.Single(mails);
        Assert.Equal("Confirmez votre adresse e-mail", mail.Subject);
        var text = await inbox.PlainTextAsync(mail.Id);
        Assert.Contains("Bonjour Camille Martin", text);
        var token = Uri.UnescapeDataString(VerifyLink().Match(text).Groups["token"].Value);
        Assert.False(string.IsNullOrEmpty(token));

        var before = await session.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.False(before.GetProperty("user").GetProperty("emailVerified").GetBoolean());

        var verify = await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token });
        Assert.Equal(HttpStatusCode.NoContent, verify.StatusCode);
        var after = await session.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.True(after.GetProperty("user").GetProperty("emailVerified").GetBoolean());

        // A second click says the address is confirmed (issue 14 §10), not "invalid".
        var reused = await AccountTestKit.ProblemAsync(await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token }), HttpStatusCode.BadRequest);
        Assert.Equal("address-already-confirmed", reused.GetProperty("errorCodes").GetProperty("token")[0].GetString());
        var unknown = await AccountTestKit.ProblemAsync(await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token = token + "x" }), HttpStatusCode.BadRequest);
        Assert.Equal("invalid-link", unknown.GetProperty("errorCodes").GetProperty("token")[0].GetString());
    }

    [Fact]
    public async Task Sign_in_returns_a_working_token_and_sign_out_revokes_it()
    {
        var signedUp = await ApiSession.SignUpAsync(app);

        var response = await app.Api().PostAsJsonAsync("/api/auth/sign-in", new { email = signedUp.Email.ToUpperInvariant(), password = signedUp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("arkoa_session=") && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        var http = app.Api();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var session = await http.GetAsync("/api/auth/session");
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var expiresAt = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session").GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expiresAt, DateTime.UtcNow.AddDays(6.9), DateTime.UtcNow.AddDays(7.1));

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/auth/session")).StatusCode);
        // The session the kit opened is a different one and still works.
        Assert.Equal(HttpStatusCode.OK, (await signedUp.Http.GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var signedUp = await ApiSession.SignUpAsync(app);

        var wrongPassword = await app.Api().PostAsJsonAsync("/api/auth/sign-in", new { email = signedUp.Email, password = "wrong password 1" });
        var unknownEmail = await app.Api().PostAsJsonAsync("/api/auth/sign-in", new { email = ApiSession.UniqueEmail(), password = "wrong password 1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        var a = await wrongPassword.Content.ReadFromJsonAsync<JsonElement>();
        var b = await unknownEmail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sign_up_opens_no_session_and_answers_a_taken_address_exactly_like_a_free_one()
    {
        var owner = await ApiSession.SignUpAsync(app, "Address Owner");
        var freeEmail = ApiSession.UniqueEmail("free");

        // The same work either way: the password is hashed and one mail is queued.
        var taken = await app.Api().PostAsJsonAsync("/api/auth/sign-up",
            new { name = "Someone Else", email = owner.Email.ToUpperInvariant(), password = "another harbour 7" });
        var free = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Newcomer", email = freeEmail, password = "another harbour 7" });

        Assert.Equal(HttpStatusCode.Accepted, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, free.StatusCode);
        Assert.Equal(await free.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        Assert.Equal(free.Headers.Select(h => h.Key).Order(), taken.Headers.Select(h => h.Key).Order());
        Assert.False(free.Headers.Contains("Set-Cookie"));
        Assert.Equal("", await free.Content.ReadAsStringAsync());

        // No second account: the owner's password still opens theirs, the other one opens nothing.
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", owner.Email));
        // (The right password first: after a wrong one the next attempt waits, SignInDelay.)
        Assert.Equal(HttpStatusCode.OK, (await AccountTestKit.SignInAsync(app.Api(), owner.Email, owner.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountTestKit.SignInAsync(app.Api(), owner.Email, "another harbour 7")).StatusCode);

        // The owner hears that someone tried, with a link to choose a new password in case it was them; the free
        // address gets its confirmation link.
        var notice = await app.Inbox().WaitForOneAsync(owner.Email, s => s == "Quelqu'un a essayé de créer un compte Arkoa avec votre adresse");
        var text = await app.Inbox().PlainTextAsync(notice.Id);
        Assert.Contains("Bonjour Address Owner", text);
        Assert.DoesNotContain("Someone Else", text);
        var link = Assert.Single(AccountTestKit.LinksIn(text));
        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        Assert.Contains("name=\"Input.Email\"", await browser.GetStringAsync(link.PathAndQuery));
        await AccountTestKit.WaitForLinkAsync(app.Inbox(), freeEmail, "Confirmez votre adresse e-mail", "verify-email");
    }

    [Fact]
    public async Task An_unconfirmed_account_signs_in_and_sees_its_data_but_creates_no_company_until_confirmed()
    {
        var user = await ApiSession.SignUpUnverifiedAsync(app, "Not Yet");

        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(0, (await user.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/users/me/export")).StatusCode);
        var refused = await user.Http.PostAsJsonAsync("/api/companies", new { name = $"Early {Guid.NewGuid():N}", annualLeaveDays = 25 });
        var problem = await AccountTestKit.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal("Confirm your e-mail address first: open the link we sent you, or ask for a new one.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await user.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());

        // The link is sent again on request, three times an hour after the first.
        for (var resend = 0; resend < 3; resend++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await user.Http.PostAsync("/api/auth/resend-verification", null)).StatusCode);
        }
        var tooMany = await user.Http.PostAsync("/api/auth/resend-verification", null);
        var limit = await AccountTestKit.ProblemAsync(tooMany, HttpStatusCode.TooManyRequests);
        Assert.Contains("open the latest one", limit.GetProperty("detail").GetString());
        Assert.InRange(tooMany.Headers.RetryAfter!.Delta!.Value.TotalMinutes, 55, 60);
        var mails = await app.Inbox().WaitForAsync(user.Email, count: 4);
        Assert.Equal(4, mails.Count(m => m.Subject == "Confirmez votre adresse e-mail"));

        // Any of the links confirms; then the company is created, and asking for a link again is pointless.
        var (_, token, _) = await AccountTestKit.WaitForLinkAsync(app.Inbox(), user.Email, "Confirmez votre adresse e-mail", "verify-email");
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await user.Http.PostAsJsonAsync("/api/companies", new { name = $"Later {Guid.NewGuid():N}", annualLeaveDays = 25 })).StatusCode);
        await AccountTestKit.ProblemAsync(await user.Http.PostAsync("/api/auth/resend-verification", null), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync("/api/auth/resend-verification", null)).StatusCode);
    }

    [Theory]
    [InlineData("short1", "password")]
    [InlineData("onlyletters", "password")]
    [InlineData("12345678", "password")]
    public async Task A_weak_password_is_refused_and_names_the_field(string password, string field)
    {
        var email = ApiSession.UniqueEmail();
        var response = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Weak", email, password });
        await Assert400WithField(response, field);

        // Nothing was written: the e-mail is still free.
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", email));
        var retry = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Strong", email, password = "violet tramway 1987 pelican" });
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", email));
    }

    [Fact]
    public async Task The_session_endpoint_needs_a_session()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync("/api/auth/session")).StatusCode);
        var forged = app.Api();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/auth/session")).StatusCode);
    }

    internal static async Task Assert400WithField(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"Expected an error for '{field}', got {errors}");
    }

    [GeneratedRegex(@"/verify-email\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex VerifyLink();
}
