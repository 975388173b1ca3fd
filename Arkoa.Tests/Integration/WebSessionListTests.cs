using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>The profile's "where you are signed in", through the Web as a browser without JavaScript uses it.</summary>
public sealed partial class WebSessionListTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task The_profile_lists_the_sessions_and_signs_one_out_then_all()
    {
        var user = await ApiSession.SignUpAsync(app);
        // The account's language wins over the browser's once signed in.
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me", new { language = "en" })).StatusCode);
        var web = app.App.GetEndpoint("web", "http");
        using var laptop = await SignedInBrowserAsync(web, user, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36");
        using var phone = await SignedInBrowserAsync(web, user, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1");

        var profile = WebUtility.HtmlDecode(await laptop.GetStringAsync("/profile"));
        Assert.Contains("Where you are signed in", profile);
        Assert.Contains("Chrome on Windows", profile);
        Assert.Contains("Safari on iOS", profile);
        Assert.Contains("This device", profile);

        // The phone's row is the one not marked as this device.
        var phoneForm = EndForm().Matches(profile).Select(m => m.Groups["form"].Value)
            .Single(name => Row(profile, name).Contains("Safari on iOS", StringComparison.Ordinal));
        var ended = await WebForms.PostFormAsync(laptop, "/profile", phoneForm, new());
        Assert.Contains("The session is signed out.", await ended.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Safari on iOS", WebUtility.HtmlDecode(await laptop.GetStringAsync("/profile")));
        // The phone's Web cookie outlives its Api session by one request: that one sends it to the sign-in page.
        Assert.EndsWith("/sign-in", (await phone.GetAsync("/profile")).RequestMessage!.RequestUri!.AbsolutePath);

        var everywhere = await WebForms.PostFormAsync(laptop, "/profile", "sessions-end-all", new());
        Assert.EndsWith("/sign-in", everywhere.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync("/api/auth/session")).StatusCode);
    }

    [Fact]
    public async Task The_sessions_card_speaks_french()
    {
        var user = await ApiSession.SignUpAsync(app);
        var web = app.App.GetEndpoint("web", "http");
        using var browser = await SignedInBrowserAsync(web, user, "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", "fr");
        var profile = WebUtility.HtmlDecode(await browser.GetStringAsync("/profile"));
        Assert.Contains("Où vous êtes connecté", profile);
        Assert.Contains("Firefox sous Linux", profile);
        Assert.Contains("Me déconnecter partout", profile);
    }

    /// <summary>
    /// "Last seen" is the hour where the person's company is, and says which zone that is (issue 14 §17): at 23:30 UTC
    /// it is already the next day at 13:30 in Kiritimati (UTC+14), where the Web server's own zone (UTC here) put the
    /// day before, unlabelled. Without a company there is no zone to guess: UTC, said so.
    /// </summary>
    [Theory]
    [InlineData("en", "Pacific/Kiritimati", "9 December 2026 at 13:30 (Pacific/Kiritimati)")]
    [InlineData("fr", "Pacific/Kiritimati", "9 décembre 2026 à 13:30 (Pacific/Kiritimati)")]
    [InlineData("en", "Pacific/Pago_Pago", "8 December 2026 at 12:30 (Pacific/Pago_Pago)")]
    [InlineData("en", null, "8 December 2026 at 23:30 (UTC)")]
    public async Task Last_seen_is_written_in_the_companys_time_zone_and_names_it(string language, string? zone, string expected)
    {
        var user = await ApiSession.SignUpAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me", new { language })).StatusCode);
        if (zone is not null)
        {
            var (companyId, _) = await user.CreateCompanyAsync(annualLeaveDays: 0);
            Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync($"/api/companies/{companyId}", new { timeZone = zone })).StatusCode);
        }
        using var browser = await SignedInBrowserAsync(app.App.GetEndpoint("web", "http"), user, "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", language);
        var seenAt = new DateTime(2026, 12, 8, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(2, await CompanyTestKit.ScalarAsync(app,
            "WITH seen AS (UPDATE sessions SET last_seen_at = $1 WHERE user_id = (SELECT id FROM users WHERE email = $2) RETURNING 1) SELECT count(*) FROM seen",
            seenAt, user.Email));

        var profile = WebUtility.HtmlDecode(await browser.GetStringAsync("/profile"));

        Assert.Equal(2, Regex.Matches(profile, Regex.Escape(expected)).Count);
    }

    private static async Task<HttpClient> SignedInBrowserAsync(Uri web, ApiSession user, string userAgent, string language = "en")
    {
        var browser = WebForms.Browser(web, new CookieContainer());
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        browser.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var signedIn = await WebForms.PostFormAsync(browser, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return browser;
    }

    /// <summary>The table row holding the form named <paramref name="formName"/>.</summary>
    private static string Row(string page, string formName)
    {
        var form = page.IndexOf($"value=\"{formName}\"", StringComparison.Ordinal);
        var start = page.LastIndexOf("<tr", form, StringComparison.Ordinal);
        return page[start..form];
    }

    [GeneratedRegex("name=\"_handler\" value=\"(?<form>session-end-[0-9a-f-]+)\"")]
    private static partial Regex EndForm();
}
