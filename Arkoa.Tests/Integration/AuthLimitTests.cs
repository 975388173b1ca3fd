using System.Net;
using System.Net.Http.Json;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Sign-in, sign-up and forgot-password limits per (client IP, e-mail) and the account lockout (SPEC §5). The
/// client IP is set with X-Forwarded-For, which the Api trusts from loopback only (the Web, Aspire's proxy).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuthLimitTests(ArkoaAppFixture app)
{
    [Fact]
    public async Task The_sixth_sign_in_attempt_in_a_minute_from_one_ip_for_one_email_gets_429_with_retry_after()
    {
        var user = await ApiSession.SignUpAsync(app);
        var client = app.Api().From(RandomClientIp());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, user.Email, "wrong guess " + attempt)).StatusCode);
        }
        // The sixth is refused even with the right password: the limit counts attempts, not failures.
        var sixth = await SignInAsync(client, user.Email, user.Password);
        await ProblemAsync(sixth, HttpStatusCode.TooManyRequests);
        var retryAfter = sixth.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        // Another address for the same e-mail, or the same address for another e-mail, has its own count.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password)).StatusCode);
        var other = await ApiSession.SignUpAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, other.Email, other.Password)).StatusCode);
    }

    [Fact]
    public async Task Sign_up_and_forgot_password_are_limited_the_same_way()
    {
        var client = app.Api().From(RandomClientIp());
        var email = ApiSession.UniqueEmail("flood");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/sign-up", new { name = "Flood", email, password = "flood pass 1" });
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
    public async Task Ten_failures_lock_the_account_for_15_minutes_without_telling_whether_a_password_is_right()
    {
        var user = await ApiSession.SignUpAsync(app);
        // Ten failures from two addresses, five each, so the per-address limit never answers first.
        for (var source = 0; source < 2; source++)
        {
            var client = app.Api().From(RandomClientIp());
            for (var attempt = 0; attempt < 5; attempt++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, user.Email, $"guess {source} {attempt}")).StatusCode);
            }
        }

        var rightPassword = await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password);
        var wrongPassword = await SignInAsync(app.Api().From(RandomClientIp()), user.Email, "another guess 1");
        var right = await ProblemAsync(rightPassword, HttpStatusCode.TooManyRequests);
        var wrong = await ProblemAsync(wrongPassword, HttpStatusCode.TooManyRequests);
        Assert.Equal(right.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
        Assert.Contains("locked", right.GetProperty("detail").GetString());
        Assert.InRange(rightPassword.Headers.RetryAfter!.Delta!.Value.TotalMinutes, 14, 15);

        // The sessions opened before the lockout go on; resetting the password by mail lifts it.
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email = user.Email })).StatusCode);
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), user.Email, "Réinitialisez votre mot de passe Arkoa", "reset-password");
        Assert.Equal(HttpStatusCode.NoContent,
            (await app.Api().PostAsJsonAsync("/api/auth/reset-password", new { token, password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_failure_count()
    {
        var user = await ApiSession.SignUpAsync(app);
        for (var round = 0; round < 3; round++)
        {
            // Four failures then a success, three times over: twelve failures, never ten in a row.
            var client = app.Api().From(RandomClientIp());
            for (var attempt = 0; attempt < 4; attempt++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, user.Email, $"guess {round} {attempt}")).StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, user.Email, user.Password)).StatusCode);
        }
    }

    [Fact]
    public async Task Wrong_current_passwords_count_towards_the_lockout()
    {
        var user = await ApiSession.SignUpAsync(app);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var response = await user.Http.PostAsJsonAsync("/api/auth/change-password",
                new { currentPassword = $"guess {attempt} x", newPassword = NewPassword });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var locked = await user.Http.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = user.Password, newPassword = NewPassword });
        await ProblemAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password)).StatusCode);
    }
}
