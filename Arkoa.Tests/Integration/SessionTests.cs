using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>The account's sessions: listed with their device and address, ended one by one or all at once, and never older than 30 days.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class SessionTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    [Fact]
    public async Task The_sessions_list_names_each_device_its_address_and_this_one()
    {
        var user = await ApiSession.SignUpAsync(app);
        var ip = RandomClientIp();
        var laptop = app.Api().From(ip);
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd(FirefoxOnLinux);
        laptop.WithToken(await SignInTokenAsync(laptop, user.Email, user.Password));

        var sessions = await laptop.GetFromJsonAsync<List<JsonElement>>("/api/auth/sessions");
        Assert.Equal(2, sessions!.Count); // the sign-up's and the laptop's
        var current = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("Firefox", current.GetProperty("browser").GetString());
        Assert.Equal("Linux", current.GetProperty("system").GetString());
        Assert.Equal(ip, current.GetProperty("ipAddress").GetString());
        Assert.InRange(current.GetProperty("lastSeenAt").GetDateTime(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        // The raw user agent and the token's hash stay in the database.
        Assert.DoesNotContain("Gecko", current.ToString());
        Assert.False(current.TryGetProperty("tokenHash", out _));

        // Another account sees only its own.
        var stranger = await ApiSession.SignUpAsync(app);
        var theirs = await stranger.Http.GetFromJsonAsync<List<JsonElement>>("/api/auth/sessions");
        Assert.DoesNotContain(theirs!, s => sessions.Any(mine => mine.GetProperty("id").GetString() == s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Signing_one_session_out_ends_it_only_and_nobody_can_end_anothers()
    {
        var user = await ApiSession.SignUpAsync(app);
        var phone = app.Api().WithToken(await SignInTokenAsync(app.Api(), user.Email, user.Password));
        var sessions = await user.Http.GetFromJsonAsync<List<JsonElement>>("/api/auth/sessions");
        var phoneId = sessions!.Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetString();

        var stranger = await ApiSession.SignUpAsync(app);
        await ProblemAsync(await stranger.Http.DeleteAsync($"/api/auth/sessions/{phoneId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/auth/session")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync($"/api/auth/sessions/{phoneId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
        await ProblemAsync(await user.Http.DeleteAsync($"/api/auth/sessions/{phoneId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_only()
    {
        var user = await ApiSession.SignUpAsync(app);
        var phone = app.Api().WithToken(await SignInTokenAsync(app.Api(), user.Email, user.Password));
        var stranger = await ApiSession.SignUpAsync(app);

        Assert.Equal(HttpStatusCode.NoContent, (await phone.DeleteAsync("/api/auth/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Http.GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task A_session_slides_but_ends_30_days_after_sign_in()
    {
        var user = await ApiSession.SignUpAsync(app);
        var connection = await app.DatabaseConnectionStringAsync();
        // Two fresh sessions, not yet used (so no Api replica remembers them), opened 29 days 12 hours and 30 days ago.
        var (nearlyOld, tooOld) = (await SignInTokenAsync(app.Api(), user.Email, user.Password), await SignInTokenAsync(app.Api(), user.Email, user.Password));
        await AgeAsync(connection, nearlyOld, TimeSpan.FromDays(29.5));
        await AgeAsync(connection, tooOld, TimeSpan.FromDays(30));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().WithToken(tooOld).GetAsync("/api/auth/session")).StatusCode);
        var session = await app.Api().WithToken(nearlyOld).GetFromJsonAsync<JsonElement>("/api/auth/session");
        // It slid, but only to its 30th day, not 7 days ahead.
        var expiresAt = session.GetProperty("session").GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expiresAt, DateTime.UtcNow.AddHours(11), DateTime.UtcNow.AddHours(12.1));
    }

    [Fact]
    public async Task The_session_endpoints_are_in_the_openapi_document()
    {
        var user = await ApiSession.SignUpAsync(app);
        var paths = (await user.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/auth/sessions").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/auth/sessions").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/auth/sessions/{id}").TryGetProperty("delete", out _));
    }

    /// <summary>Moves a session's sign-in <paramref name="age"/> into the past, its expiry as a 7-day slide left it an hour ago.</summary>
    private static Task AgeAsync(string? connection, string token, TimeSpan age) =>
        ExecuteSqlAsync(connection,
            "UPDATE sessions SET created_at = now() - @age, expires_at = now() + interval '1 hour', last_seen_at = now() - @age WHERE token_hash = @hash",
            ("age", age), ("hash", Core.Security.SecureToken.Hash(token)));
}
