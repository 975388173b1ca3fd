using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Web front end through plain HTTP, as a browser without JavaScript would use it: it reaches the Api
/// through service discovery and keeps the session in its own cookie. (Full browser journeys use Chromium.)
/// </summary>
public sealed partial class WebSliceTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task Sign_up_through_the_web_confirm_the_address_from_the_mail_then_create_and_list_a_company()
    {
        using var browser = NewBrowser();
        var email = ApiSession.UniqueEmail("web");

        var signUp = await WebForms.PostFormAsync(browser, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Web User",
            ["Input.Email"] = email,
            ["Input.Password"] = "amber walrus 1984 dune",
        });
        // No session from a sign-up: the page says to check the inbox, and the address is not in the URL.
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        Assert.Contains("Check your inbox", await signUp.Content.ReadAsStringAsync());
        Assert.DoesNotContain(email, signUp.RequestMessage!.RequestUri!.ToString());
        Assert.Contains("My companies", await SignInAsync(browser, email, "amber walrus 1984 dune"));

        // Signed in but unconfirmed: every page says so, and creating a company is refused with the Api's reason.
        Assert.Contains("Check your inbox: open the link we sent to " + email, WebForms.WithoutWrapHints(await browser.GetStringAsync("/")));
        var companyName = $"Web Co {Guid.NewGuid():N}"[..20];
        var refused = await WebForms.PostFormAsync(browser, "/", "create-company", new()
        {
            ["Input.Name"] = companyName,
            ["Input.AnnualLeaveDays"] = "25",
        });
        Assert.Contains("Confirm your e-mail address first", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // The mailed link, followed on the Web, confirms the address; the banner goes and the company is created.
        var (link, token, _) = await AccountTestKit.WaitForLinkAsync(app.Inbox(), email, "Confirm your e-mail address", "verify-email");
        var confirmed = await WebForms.PostFormAsync(browser, link.PathAndQuery, "verify-email", new() { ["Token"] = token });
        Assert.Contains("Your e-mail address is confirmed.", await confirmed.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Check your inbox", await browser.GetStringAsync("/"));
        var created = await WebForms.PostFormAsync(browser, "/", "create-company", new()
        {
            ["Input.Name"] = companyName,
            ["Input.AnnualLeaveDays"] = "25",
        });
        // Post/Redirect/Get to the new company's pages.
        Assert.StartsWith("/companies/", created.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await (await browser.GetAsync("/companies")).Content.ReadAsStringAsync();
        Assert.Contains(companyName, list);
        Assert.Contains("ADMIN", list, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_banner_sends_the_link_again_until_the_hourly_limit_and_says_so()
    {
        var user = await ApiSession.SignUpUnverifiedAsync(app, "Banner Reader");
        // The account's language wins at sign-in; this test reads English.
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me", new { language = "en" })).StatusCode);
        using var browser = NewBrowser();
        await SignInAsync(browser, user.Email, user.Password);
        Assert.Contains("Send the link again", await browser.GetStringAsync("/profile"));

        for (var resend = 0; resend < 3; resend++)
        {
            // The banner's button posts to the page that sends the link, then comes back to say so.
            var again = await WebForms.PostFormAsync(browser, "/account/confirm-email", "resend-verification", new() { ["ReturnUrl"] = "/profile" });
            Assert.Contains($"A new link is on its way to {user.Email}.", WebForms.WithoutWrapHints(WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync())));
            Assert.Contains("sent=true", again.RequestMessage!.RequestUri!.Query);
        }
        var refused = await WebForms.PostFormAsync(browser, "/account/confirm-email", "resend-verification", new() { ["ReturnUrl"] = "/" });
        Assert.Contains("Too many confirmation links were asked for in the last hour", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        // The sign-up's link in French (the account's language then), the three others in English.
        var mails = await app.Inbox().WaitForAsync(user.Email, count: 4);
        Assert.Equal(3, mails.Count(m => m.Subject == "Confirm your e-mail address"));
    }

    [Fact]
    public async Task The_link_in_the_verification_mail_confirms_the_address_on_the_web()
    {
        var session = await ApiSession.SignUpUnverifiedAsync(app);
        var inbox = app.Inbox();
        var mail = Assert.Single(await inbox.WaitForAsync(session.Email));
        var link = new Uri(MailLink().Match(await inbox.PlainTextAsync(mail.Id)).Value);
        Assert.Equal(app.App.GetEndpoint("web", "http").Authority, link.Authority);

        using var browser = NewBrowser();
        var confirmed = await WebForms.PostFormAsync(browser, link.PathAndQuery, "verify-email", new()
        {
            ["Token"] = Uri.UnescapeDataString(link.Query["?token=".Length..]),
        });
        Assert.Contains("Your e-mail address is confirmed.", await confirmed.Content.ReadAsStringAsync());
        var user = await session.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.True(user.GetProperty("user").GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_password_is_shown_on_the_form_and_keeps_the_email()
    {
        using var browser = NewBrowser();
        var response = await WebForms.PostFormAsync(browser, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = "nobody@example.test",
            ["Input.Password"] = "wrong pass 1",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Wrong e-mail or password.", html);
        Assert.Contains("value=\"nobody@example.test\"", html);
    }

    [Fact]
    public async Task My_companies_needs_signing_in()
    {
        using var browser = NewBrowser(followRedirects: false);
        var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Web_pages_carry_the_security_headers_and_a_csp()
    {
        using var browser = NewBrowser();
        var response = await browser.GetAsync("/sign-in");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    /// <summary>Signs in through the form; returns the page the Web sent the browser on to.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, string email, string password)
    {
        var response = await WebForms.PostFormAsync(browser, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await response.Content.ReadAsStringAsync();
    }

    private HttpClient NewBrowser(bool followRedirects = true) =>
        WebForms.Browser(app.App.GetEndpoint("web", "http"), followRedirects: followRedirects);

    [GeneratedRegex(@"https?://\S+/verify-email\?token=\S+")]
    private static partial Regex MailLink();
}
