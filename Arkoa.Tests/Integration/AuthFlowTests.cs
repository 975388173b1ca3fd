using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Arkoa.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed partial class AuthFlowTests(ArkoaAppFixture app)
{
    [Fact]
    public async Task Sign_up_sends_a_verification_mail_whose_token_verifies_the_address()
    {
        var session = await ApiSession.SignUpAsync(app, "Camille Martin");

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

        var reused = await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
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
        // The sign-up session is a different one and still works.
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
    public async Task A_duplicate_email_is_a_conflict_whatever_its_case()
    {
        var signedUp = await ApiSession.SignUpAsync(app);
        var again = await app.Api().PostAsJsonAsync("/api/auth/sign-up",
            new { name = "Someone", email = signedUp.Email.ToUpperInvariant(), password = "another harbour 7" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
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
        var retry = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Strong", email, password = "violet tramway 1987 pelican" });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
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
