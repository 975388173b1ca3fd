extern alias ArkoaApi;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>Two Api and two Web replicas: limits, sessions and logs behave as with one.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaTests(ReplicaAppFixture app)
{
    [Fact]
    public async Task The_sign_in_delay_holds_on_every_api_replica_together()
    {
        var (first, second) = (app.Replicas("api")[0], app.Replicas("api")[1]);
        var email = ApiSession.UniqueEmail("replicas");
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/sign-up",
            new { name = "Replicated", email, password = "lemon yacht 84 frost" })).StatusCode);

        var ip = RandomClientIp();
        using var one = new HttpClient { BaseAddress = first }.From(ip);
        using var two = new HttpClient { BaseAddress = second }.From(ip);
        // A failure on one replica delays the next attempt on the other: a per-process delay would not.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(one, email, "wrong guess 1")).StatusCode);
        var onSecond = await SignInAsync(two, email, "lemon yacht 84 frost");
        await ProblemAsync(onSecond, HttpStatusCode.TooManyRequests);
        Assert.NotNull(onSecond.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_client_cycling_email_addresses_is_limited_on_every_api_replica_together()
    {
        var (first, second) = (app.Replicas("api")[0], app.Replicas("api")[1]);
        var ip = RandomClientIp();
        using var one = new HttpClient { BaseAddress = first }.From(ip);
        using var two = new HttpClient { BaseAddress = second }.From(ip);
        var limit = new ArkoaApi::Arkoa.Api.Auth.RateLimitOptions().AuthAttemptsPerClientPerMinute;
        // A different address each time, so no per-address limit applies; spread over both replicas.
        for (var attempt = 0; attempt < limit; attempt++)
        {
            var response = await (attempt % 2 == 0 ? one : two).PostAsJsonAsync("/api/auth/forgot-password",
                new { email = ApiSession.UniqueEmail("cycle") });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        // One more, at any auth endpoint, with any address, is refused.
        var tooMany = await SignInAsync(one, ApiSession.UniqueEmail("cycle"), "any password 1");
        await ProblemAsync(tooMany, HttpStatusCode.TooManyRequests);
        Assert.NotNull(tooMany.Headers.RetryAfter);
        await ProblemAsync(await two.PostAsJsonAsync("/api/auth/forgot-password", new { email = ApiSession.UniqueEmail("cycle") }),
            HttpStatusCode.TooManyRequests);
        // Another client is not held back.
        using var other = new HttpClient { BaseAddress = second }.From(RandomClientIp());
        Assert.Equal(HttpStatusCode.Accepted,
            (await other.PostAsJsonAsync("/api/auth/forgot-password", new { email = ApiSession.UniqueEmail("cycle") })).StatusCode);
    }

    [Fact]
    public async Task A_session_started_on_one_web_replica_works_on_the_other()
    {
        var (first, second) = (app.Replicas("web")[0], app.Replicas("web")[1]);
        var cookies = new CookieContainer();
        using var onFirst = WebForms.Browser(first, cookies);
        using var onSecond = WebForms.Browser(second, cookies);
        var email = ApiSession.UniqueEmail("webreplica");

        var signedUp = await WebForms.PostFormAsync(onFirst, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Replica Walker",
            ["Input.Email"] = email,
            ["Input.Password"] = "quiet maple 77 rocket",
        });
        Assert.Contains("Check your inbox", await signedUp.Content.ReadAsStringAsync());
        // Creating a company needs the address confirmed (the kits' shortcut: a token they know, not the mail's).
        var verifyToken = await KnownVerificationTokenAsync(await app.App.GetConnectionStringAsync("arkoa"), email);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token = verifyToken })).StatusCode);
        var signedIn = await WebForms.PostFormAsync(onFirst, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "quiet maple 77 rocket",
        });
        Assert.Contains("My companies", await signedIn.Content.ReadAsStringAsync());

        // The cookie (encrypted by the first replica) opens the second; so does an antiforgery token it issued.
        var home = await onSecond.GetStringAsync("/");
        Assert.Contains("My companies", home);
        Assert.Contains("Replica Walker", home);
        var page = await onFirst.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"(?<t>[^\"]+)\"").Groups["t"].Value;
        var companyName = $"Replica Co {Guid.NewGuid():N}"[..24];
        var created = await onSecond.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-company",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = companyName,
            ["Input.AnnualLeaveDays"] = "20",
        }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains(companyName, await onFirst.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_session_ended_on_one_api_replica_is_refused_by_the_other_at_once()
    {
        var (first, second) = (app.Replicas("api")[0], app.Replicas("api")[1]);
        var email = ApiSession.UniqueEmail("revoked");
        var password = "ochre badger 12 lamp";
        Assert.Equal(HttpStatusCode.Accepted,
            (await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Revoked", email, password })).StatusCode);
        var laptop = await SignInTokenAsync(app.Api().From(RandomClientIp()), email, password);
        async Task<string> SignInOnFirstAsync()
        {
            using var http = new HttpClient { BaseAddress = first }.From(RandomClientIp());
            var response = await SignInAsync(http, email, password);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        }
        var (phone, tablet) = (await SignInOnFirstAsync(), await SignInOnFirstAsync());
        async Task<HttpStatusCode> SessionOnAsync(Uri replica, string token)
        {
            using var http = new HttpClient { BaseAddress = replica }.WithToken(token);
            return (await http.GetAsync("/api/auth/session")).StatusCode;
        }
        // The second replica has checked all three sessions, so it remembers them.
        foreach (var token in new[] { laptop, phone, tablet }) Assert.Equal(HttpStatusCode.OK, await SessionOnAsync(second, token));

        using (var onFirst = new HttpClient { BaseAddress = first }.WithToken(laptop))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await onFirst.PostAsync("/api/auth/sign-out", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionOnAsync(second, laptop));

        // A password change on the first replica ends the other devices' sessions there and on the second.
        using (var onFirst = new HttpClient { BaseAddress = first }.WithToken(phone))
        {
            var changed = await onFirst.PostAsJsonAsync("/api/auth/change-password",
                new { currentPassword = "ochre badger 12 lamp", newPassword = "ochre badger 13 lamp" });
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
            password = "ochre badger 13 lamp";
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionOnAsync(second, tablet));
        Assert.Equal(HttpStatusCode.OK, await SessionOnAsync(second, phone));

        // One session signed out from the list on the first replica: the second, which remembers it, refuses it at once.
        var watch = await SignInOnFirstAsync(); // the password is the new one from here on
        Assert.Equal(HttpStatusCode.OK, await SessionOnAsync(second, watch));
        using (var onFirst = new HttpClient { BaseAddress = first }.WithToken(phone))
        {
            var sessions = await onFirst.GetFromJsonAsync<List<JsonElement>>("/api/auth/sessions");
            var watchId = sessions!.Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.NoContent, (await onFirst.DeleteAsync($"/api/auth/sessions/{watchId}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await SessionOnAsync(second, watch));
        Assert.Equal(HttpStatusCode.OK, await SessionOnAsync(second, phone));
    }

    [Fact]
    public async Task The_per_user_api_limit_answers_429_with_retry_after()
    {
        var email = ApiSession.UniqueEmail("busy");
        Assert.Equal(HttpStatusCode.Accepted,
            (await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name = "Busy", email, password = "sable ferry 31 glove" })).StatusCode);
        var token = await SignInTokenAsync(app.Api(), email, "sable ferry 31 glove");
        using var http = new HttpClient { BaseAddress = app.Replicas("api")[0] }.WithToken(token);

        // Far more than the limit at once; they cannot all land in different one-second windows.
        var responses = await Task.WhenAll(Enumerable.Range(0, ReplicaAppFixture.PerUserPerSecond * 8)
            .Select(_ => http.GetAsync("/api/auth/session")));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task No_log_line_of_any_service_holds_a_password_or_a_token()
    {
        const string password = "indigo llama 52 tram";
        const string newPassword = "copper heron 18 mist";
        var email = ApiSession.UniqueEmail("logs");
        var web = app.Replicas("web")[0];
        using var browser = WebForms.Browser(web);
        var signedUp = await WebForms.PostFormAsync(browser, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Log Watcher",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        // Post/Redirect/Get to "check your inbox": without it every sign-in below would fail for another reason.
        Assert.Contains("sent=true", signedUp.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        var failed = await WebForms.PostFormAsync(WebForms.Browser(web), "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password + "wrong",
        });
        Assert.Contains("Wrong e-mail or password.", await failed.Content.ReadAsStringAsync());
        var sessionToken = await SignInTokenAsync(app.Api().From(RandomClientIp()), email, password);

        // The verification and reset links go through the Web with the token in the URL; the browser reads English,
        // so the account and its mails are English.
        var (verifyLink, verifyToken, _) = await WaitForLinkAsync(app.Inbox(), email, "Confirm your e-mail address", "verify-email");
        await WebForms.PostFormAsync(browser, verifyLink.PathAndQuery, "verify-email", new() { ["Token"] = verifyToken });
        await WebForms.PostFormAsync(browser, "/forgot-password", "forgot-password", new() { ["Input.Email"] = email });
        var (resetLink, resetToken, _) = await WaitForLinkAsync(app.Inbox(), email, "Reset your Arkoa password", "reset-password");
        var reset = await WebForms.PostFormAsync(browser, resetLink.PathAndQuery, "reset-password", new()
        {
            ["Token"] = resetToken,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Contains("Your password is changed", await reset.Content.ReadAsStringAsync());
        // Secrets in a path and in a query string, as invitation links and calendar feeds carry them.
        const string pathSecret = "PathSecretInvitationToken0123456789";
        const string querySecret = "QuerySecretCalendarToken0123456789";
        await app.Api().GetAsync($"/api/invitations/{pathSecret}");
        await app.Api().GetAsync($"/api/companies/{Guid.NewGuid()}/calendar.ics?token={querySecret}");
        await browser.GetAsync($"/reset-password?token={querySecret}");

        await LogLinesAsync("Sent outbox message");
        // The Worker has caught up; a moment more for the Api and Web lines written meanwhile, then read them all.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var lines = await LogLinesAsync("Sent outbox message");
        Assert.Contains(lines, l => l.Contains("Request starting", StringComparison.Ordinal) || l.Contains("Executing endpoint", StringComparison.Ordinal));
        foreach (var secret in new[] { password, newPassword, sessionToken, verifyToken, resetToken, pathSecret, querySecret })
        {
            var leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A log line holds a secret: {leak}");
        }
    }

    /// <summary>
    /// Every console line the Api, Web and Worker replicas wrote so far. The Worker's line for the last mail must
    /// be there first, so the capture has caught up with the flow the test just ran.
    /// </summary>
    private async Task<List<string>> LogLinesAsync(string workerMarker)
    {
        var logs = app.App.Services.GetRequiredService<ResourceLoggerService>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var lines = new List<string>();
            foreach (var service in new[] { "api", "web", "worker" })
            {
                await foreach (var batch in logs.GetAllAsync(app.Resource(service)))
                {
                    lines.AddRange(batch.Select(l => $"{service}: {l.Content}"));
                }
            }
            if (lines.Count(l => l.StartsWith("worker:", StringComparison.Ordinal) && l.Contains(workerMarker, StringComparison.Ordinal)) >= 2)
            {
                return lines;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The Worker's '{workerMarker}' lines never showed in the captured logs.");
            await Task.Delay(500);
        }
    }
}
