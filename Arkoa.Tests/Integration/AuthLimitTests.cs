using System.Net;
using System.Net.Http.Json;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The progressive delay per (e-mail, client) that replaced the account lockout, the sign-up and forgot-password
/// limits per (client, e-mail), and which client addresses are believed. The client IP is set with X-Forwarded-For
/// and the Web's key (<see cref="AccountTestKit.From"/>), as the Web does; without the key the header is ignored.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class AuthLimitTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task Each_failed_sign_in_doubles_the_wait_before_the_next_from_that_client_for_that_email()
    {
        var user = await ApiSession.SignUpAsync(app);
        var client = app.Api().From(RandomClientIp());

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, user.Email, "wrong guess 1")).StatusCode);
        // Too soon, and refused even with the right password: a delayed attempt is not checked at all.
        var tooSoon = await SignInAsync(client, user.Email, user.Password);
        var problem = await ProblemAsync(tooSoon, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many failed attempts: wait a moment and try again.", problem.GetProperty("detail").GetString());
        Assert.InRange(tooSoon.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), SignInFirstDelay);

        // The second failure in a row waits twice as long.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInWhenAllowedAsync(client, user.Email, "wrong guess 2")).StatusCode);
        var longer = await SignInAsync(client, user.Email, user.Password);
        Assert.InRange(longer.Headers.RetryAfter!.Delta!.Value, SignInFirstDelay + TimeSpan.FromSeconds(1), 2 * SignInFirstDelay);

        // Another client for the same e-mail, or the same client for another e-mail, is not held back.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password)).StatusCode);
        var other = await ApiSession.SignUpAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, other.Email, other.Password)).StatusCode);
    }

    [Fact]
    public async Task The_right_password_starts_the_pair_afresh()
    {
        var user = await ApiSession.SignUpAsync(app);
        var client = app.Api().From(RandomClientIp());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, user.Email, "wrong guess 1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInWhenAllowedAsync(client, user.Email, user.Password)).StatusCode);

        // The next failure is a first one again: it waits the first delay, not twice it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, user.Email, "wrong guess 2")).StatusCode);
        var tooSoon = await SignInAsync(client, user.Email, user.Password);
        Assert.InRange(tooSoon.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), SignInFirstDelay);
    }

    [Fact]
    public async Task An_unknown_email_is_delayed_exactly_like_an_account()
    {
        var user = await ApiSession.SignUpAsync(app);
        var unknown = ApiSession.UniqueEmail("nobody");
        var client = app.Api().From(RandomClientIp());
        foreach (var email in new[] { user.Email, unknown })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, email, "wrong guess 1")).StatusCode);
        }
        var known = await SignInAsync(client, user.Email, "wrong guess 2");
        var nobody = await SignInAsync(client, unknown, "wrong guess 2");
        var (knownProblem, nobodyProblem) = (await ProblemAsync(known, HttpStatusCode.TooManyRequests), await ProblemAsync(nobody, HttpStatusCode.TooManyRequests));
        Assert.Equal(knownProblem.GetProperty("detail").GetString(), nobodyProblem.GetProperty("detail").GetString());
        Assert.All([known, nobody], r => Assert.InRange(r.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), SignInFirstDelay));
    }

    [Fact]
    public async Task Nobody_can_lock_the_owner_out_by_failing_on_purpose()
    {
        var user = await ApiSession.SignUpAsync(app);
        // Ten failures from ten addresses, once counted towards a 15-minute lockout of the account.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, $"guess {attempt} x")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task Sign_up_and_forgot_password_are_limited_the_same_way()
    {
        var client = app.Api().From(RandomClientIp());
        var email = ApiSession.UniqueEmail("flood");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/sign-up", new { name = "Flood", email, password = "violet tramway 1987 pelican" });
            statuses.Add(response.StatusCode);
        }
        // The first creates the account, the next four find it taken: all answer alike.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 5), HttpStatusCode.TooManyRequests], statuses);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/auth/forgot-password", new { email })).StatusCode);
        }
        var sixth = await client.PostAsJsonAsync("/api/auth/forgot-password", new { email });
        await ProblemAsync(sixth, HttpStatusCode.TooManyRequests);
        Assert.NotNull(sixth.Headers.RetryAfter);
    }

    [Fact]
    public async Task Wrong_current_passwords_are_delayed_like_sign_ins()
    {
        var user = await ApiSession.SignUpAsync(app);
        var changeWith = (string current) => user.Http.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = current, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, (await changeWith("guess 1 x")).StatusCode);
        var tooSoon = await changeWith(user.Password);
        await ProblemAsync(tooSoon, HttpStatusCode.TooManyRequests);
        Assert.NotNull(tooSoon.Headers.RetryAfter);
        // The owner signing in from elsewhere is not held back.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_without_the_webs_key_is_ignored()
    {
        var email = ApiSession.UniqueEmail("forger");
        var forger = app.Api();
        // Each attempt claims another client address, but without the Web's key: both count as this machine's.
        forger.DefaultRequestHeaders.Add("X-Forwarded-For", RandomClientIp());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(forger, email, "wrong guess 1")).StatusCode);
        forger.DefaultRequestHeaders.Remove("X-Forwarded-For");
        forger.DefaultRequestHeaders.Add("X-Forwarded-For", RandomClientIp());
        forger.DefaultRequestHeaders.Add("X-Arkoa-Web-Key", "not-the-key");
        await ProblemAsync(await SignInAsync(forger, email, "wrong guess 2"), HttpStatusCode.TooManyRequests);
    }

    /// <summary>Signs in as soon as the delay allows (a delayed attempt costs nothing and counts for nothing).</summary>
    private static async Task<HttpResponseMessage> SignInWhenAllowedAsync(HttpClient client, string email, string password)
    {
        var deadline = DateTime.UtcNow + 4 * SignInFirstDelay;
        while (true)
        {
            var response = await SignInAsync(client, email, password);
            if (response.StatusCode != HttpStatusCode.TooManyRequests) return response;
            Assert.True(DateTime.UtcNow < deadline, "The sign-in delay never ended.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
