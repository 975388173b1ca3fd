using System.Net.Http.Json;
using Aspire.Hosting.Testing;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Web's pages carry the security headers, and no response gives back a password or a token, including those only
/// the mails carry (so the AppHost: the Web and smtp4dev). The Api's own headers are checked in <see cref="TenantIsolationTests"/>.
/// </summary>
public sealed class WebHeadersAndSecretsTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task Every_web_page_carries_the_security_headers_and_the_csp()
    {
        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"), followRedirects: false);
        foreach (var path in new[] { "/", "/sign-in", "/sign-up", "/sign-out", "/forgot-password", "/reset-password?token=abc",
                     "/verify-email?token=abc", "/account/password", "/no-such-page", "/favicon.svg", "/health" })
        {
            TenantIsolationTests.AssertSecurityHeaders(await browser.GetAsync(path), path, "default-src 'self'");
        }
        var post = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in" }));
        TenantIsolationTests.AssertSecurityHeaders(post, "POST /sign-in without antiforgery", "default-src 'self'");
    }

    [Fact]
    public async Task No_response_gives_back_a_password_or_a_secret_token()
    {
        const string password = "my own secret 123";
        var email = ApiSession.UniqueEmail("secret");
        var signUp = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Secretive", email, password });
        var sessionToken = await AccountTestKit.SignInTokenAsync(app.Api(), email, password);
        var user = app.Api().WithToken(sessionToken);

        var responses = new List<HttpResponseMessage>
        {
            signUp,
            await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Again", email, password }),
            await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Weak", email = ApiSession.UniqueEmail(), password = "weakweak" }),
            await app.Api().PostAsJsonAsync("/api/auth/sign-in", new { email, password = password + "x" }),
            await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email }),
            await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token = "made-up-token", password }),
            await user.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = password + "x", newPassword = password }),
            await user.GetAsync("/api/auth/session"),
            await user.GetAsync("/api/users/me/export"),
            await user.PatchAsJsonAsync("/api/users/me", new { name = "Still Secretive" }),
        };
        var (_, resetToken, _) = await AccountTestKit.WaitForLinkAsync(app.Inbox(), email, "Réinitialisez votre mot de passe Arkoa", "reset-password");
        var (_, verifyToken, _) = await AccountTestKit.WaitForLinkAsync(app.Inbox(), email, "Confirmez votre adresse e-mail", "verify-email");

        foreach (var response in responses)
        {
            var everything = response.Headers + "\n" + response.Content.Headers + "\n" + await response.Content.ReadAsStringAsync();
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}";
            Assert.False(everything.Contains(password, StringComparison.Ordinal), $"{what} gave back the password");
            Assert.False(everything.Contains(sessionToken, StringComparison.Ordinal), $"{what} gave back the session token");
            Assert.False(everything.Contains(resetToken, StringComparison.Ordinal), $"{what} gave back the reset token");
            Assert.False(everything.Contains(verifyToken, StringComparison.Ordinal), $"{what} gave back the verification token");
        }
    }
}
