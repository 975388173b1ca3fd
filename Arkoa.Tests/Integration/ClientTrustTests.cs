using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// What the Api and the Web believe of a request: the Web's calls carry no one's cookie, forwarded schemes and hosts
/// from clients reach no link, and the Api's cookie only works from the Api's own origin.
/// </summary>
public sealed class ClientTrustTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task An_anonymous_web_request_after_someone_elses_sign_in_reaches_the_api_without_credentials()
    {
        var user = await ApiSession.SignUpAsync(app);
        var web = app.App.GetEndpoint("web", "http");
        // Signed in through the Web; the redirect is not followed, so the Api has not seen the new session's token yet.
        using (var someone = WebForms.Browser(web, followRedirects: false))
        {
            var signedIn = await WebForms.PostFormAsync(someone, "/sign-in", "sign-in", new()
            {
                ["Input.Email"] = user.Email,
                ["Input.Password"] = user.Password,
            });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        // Were that session sent with any call now, the Api would slide its expiry 7 days ahead: start it at one day.
        var connection = await app.DatabaseConnectionStringAsync();
        const string newest = "(SELECT id FROM sessions WHERE user_id = @user ORDER BY created_at DESC LIMIT 1)";
        Assert.Equal(1, await ExecuteSqlAsync(connection, $"UPDATE sessions SET expires_at = now() + interval '1 day' WHERE id = {newest}",
            ("user", Guid.Parse(user.UserId))));

        // Another visitor, not signed in, makes the Web call the Api (a failed sign-in).
        using var visitor = WebForms.Browser(web);
        var failed = await WebForms.PostFormAsync(visitor, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = ApiSession.UniqueEmail("visitor"),
            ["Input.Password"] = "not a real password 1",
        });
        Assert.Contains("Wrong e-mail or password.", await failed.Content.ReadAsStringAsync());

        var expiresAt = await ScalarAsync<DateTime>(connection, $"SELECT expires_at FROM sessions WHERE id = {newest}",
            ("user", Guid.Parse(user.UserId)));
        Assert.True(expiresAt < DateTime.UtcNow.AddDays(2), $"The visitor's call was authenticated as the signed-in user (expiry slid to {expiresAt:O}).");
    }

    [Fact]
    public async Task The_api_sets_its_cookie_for_browsers_but_not_for_the_web()
    {
        var user = await ApiSession.SignUpAsync(app);
        var direct = await SignInAsync(app.Api(), user.Email, user.Password);
        Assert.Contains(direct.Headers.GetValues("Set-Cookie"), c => c.StartsWith("arkoa_session=", StringComparison.Ordinal));

        var asTheWeb = await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, asTheWeb.StatusCode);
        Assert.False(asTheWeb.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_cross_origin_request_with_the_cookie_is_refused_and_bearer_requests_are_not()
    {
        var user = await ApiSession.SignUpAsync(app);
        var api = app.App.GetEndpoint("api", "http");
        var signIn = await SignInAsync(app.Api(), user.Email, user.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("arkoa_session=", StringComparison.Ordinal)).Split(';')[0];
        HttpRequestMessage SignOut(string? origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out");
            request.Headers.Add("Cookie", cookie);
            if (origin is not null) request.Headers.Add("Origin", origin);
            return request;
        }

        var http = app.Api();
        await ProblemAsync(await http.SendAsync(SignOut("https://evil.example")), HttpStatusCode.Forbidden);
        await ProblemAsync(await http.SendAsync(SignOut(null)), HttpStatusCode.Forbidden);
        // A read is not a change: it works from anywhere, and the cookie session is still alive.
        var read = new HttpRequestMessage(HttpMethod.Get, "/api/auth/session");
        read.Headers.Add("Cookie", cookie);
        read.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(read)).StatusCode);

        // A bearer request says who it is on purpose: its origin does not matter.
        var bearer = new HttpRequestMessage(HttpMethod.Post, "/api/companies") { Content = JsonContent.Create(new { name = $"Origin Co {Guid.NewGuid():N}"[..24], annualLeaveDays = 25 }) };
        bearer.Headers.Authorization = new("Bearer", user.Token);
        bearer.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(bearer)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(SignOut(api.GetLeftPart(UriPartial.Authority)))).StatusCode);
    }

    [Fact]
    public async Task A_hostile_forwarded_scheme_or_host_never_reaches_a_location()
    {
        var web = app.App.GetEndpoint("web", "http");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = web };
        var request = new HttpRequestMessage(HttpMethod.Get, "/profile");
        request.Headers.Add("X-Forwarded-Proto", "javascript");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Host = "evil.example";
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        // Absolute or not, the redirect stays on the Web's own address.
        if (location.IsAbsoluteUri) Assert.Equal(web.GetLeftPart(UriPartial.Authority), location.GetLeftPart(UriPartial.Authority));
        Assert.DoesNotContain("javascript", location.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil", location.OriginalString, StringComparison.OrdinalIgnoreCase);

        // The Api builds its one absolute address (the OpenAPI servers) from its own scheme, whatever a client says.
        var user = await ApiSession.SignUpAsync(app);
        var document = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        document.Headers.Add("X-Forwarded-Proto", "javascript");
        document.Headers.Authorization = new("Bearer", user.Token);
        var servers = (await (await app.Api().SendAsync(document)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("servers");
        Assert.All(servers.EnumerateArray(), s => Assert.StartsWith("http://", s.GetProperty("url").GetString()));
    }
}
