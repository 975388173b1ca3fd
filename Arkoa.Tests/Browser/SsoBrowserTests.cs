using Arkoa.Tests.Integration;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Single sign-on in Chromium (issue 18): Arkoa's sign-in page → the provider's own login form (the test provider's) →
/// back to Arkoa signed in; mandatory SSO refusing a member's password and offering the company's SSO instead, an
/// admin's password still working (break-glass); an unverified address and a domain not allowed brought back to the
/// sign-in page with their reason, and no code, token or secret in the services' logs. Without script too: the
/// provider's post back then waits for a press of its button. The admins' settings section, in English and French.
/// </summary>
public sealed class SsoBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium, OidcTestProvider provider)
    : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>, IClassFixture<OidcTestProvider>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_member_whose_password_mandatory_sso_refuses_signs_in_through_the_provider(bool javaScript)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        await SsoTestCompany.SetUpAsync(team, provider, ["example.test"], mandatory: true, Web);
        var companyName = (await team.Admin.GetJsonAsync(team.Url())).GetProperty("name").GetString()!;
        var person = provider.AddPerson(TestPerson.For(team.Employee.Email));

        await using var phone = await WebBrowser.OpenAsync(app, chromium, "en", WebBrowser.Phone, javaScriptEnabled: javaScript);
        var page = phone.Page;
        await page.GotoAsync("/sign-in");
        await page.Locator("#email").FillAsync(team.Employee.Email);
        await page.Locator("#password").FillAsync(team.Employee.Password);
        await page.Locator("form.form button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync($"{companyName} requires signing in with its single sign-on.");
        Assert.Null(await LeaveWebKit.OverflowAsync(page));
        await phone.ScreenshotAsync($"sso-required-{(javaScript ? "js" : "nojs")}");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Sign in with {companyName}'s SSO" }).ClickAsync();
        await SignInAtProviderAsync(page, person.Login, javaScript);
        await WaitBackInArkoaAsync(page);
        await Expect(page.Locator("body")).ToContainTextAsync(companyName);
        // Nothing of the code or the tokens was left in the address.
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);

        // The company's admin keeps the password (break-glass).
        await using var admin = await WebBrowser.OpenAsync(app, chromium, "en");
        await admin.SignInAsync(team.Admin.Email, team.Admin.Password);
        Assert.NotEqual("/sign-in", new Uri(admin.Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Someone_found_by_their_work_address_signs_in_and_the_refused_ones_are_told_why()
    {
        var company = await TestCompany.CreateAsync(app);
        var companyName = (await company.Admin.GetJsonAsync(company.Url())).GetProperty("name").GetString()!;
        var domain = $"d{Guid.NewGuid():N}.test";
        var sso = await SsoTestCompany.SetUpAsync(company, provider, [domain], web: Web);

        // A newcomer of the domain: an account made at first sign-in.
        var newcomer = provider.AddPerson(TestPerson.For($"noa@{domain}") with { Name = "Noa Newcomer" });
        await using (var browser = await WebBrowser.OpenAsync(app, chromium, "en"))
        {
            await ContinueWithSsoAsync(browser.Page, newcomer.Email, companyName);
            await SignInAtProviderAsync(browser.Page, newcomer.Login, javaScript: true);
            await WaitBackInArkoaAsync(browser.Page);
            await Expect(browser.Page.Locator("body")).ToContainTextAsync("Noa Newcomer");
        }

        foreach (var (person, message) in new[]
        {
            (TestPerson.For($"unverified@{domain}", emailVerified: false), "Your identity provider does not vouch for your e-mail address"),
            (TestPerson.For($"stranger@other-{domain}"), "Your e-mail address is not in a domain this company's single sign-on accepts."),
        })
        {
            provider.AddPerson(person);
            await using var browser = await WebBrowser.OpenAsync(app, chromium, "en");
            // Found by the work address the person typed; the provider then says who they are.
            await ContinueWithSsoAsync(browser.Page, $"someone@{domain}", companyName);
            await SignInAtProviderAsync(browser.Page, person.Login, javaScript: true);
            await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/sign-in");
            await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        }
        Assert.Equal(0L, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", $"unverified@{domain}"));

        // Nothing the provider gave (codes, ID tokens) nor the client secret is in any line the Api or the Web wrote.
        var lines = await ServiceLinesAsync($"Single sign-on with company {company.CompanyId} refused: sso-domain-not-allowed");
        foreach (var secret in provider.Secrets.Append(sso.ClientSecret))
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret[..20], StringComparison.Ordinal));
        }
    }

    /// <summary>The Api's and the Web's console lines so far, once the Api's <paramref name="marker"/> line is among them.</summary>
    private async Task<List<string>> ServiceLinesAsync(string marker)
    {
        var logs = app.App.Services.GetRequiredService<ResourceLoggerService>();
        var model = app.App.Services.GetRequiredService<DistributedApplicationModel>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var lines = new List<string>();
            foreach (var service in new[] { "api", "web" })
            {
                await foreach (var batch in logs.GetAllAsync(model.Resources.Single(r => r.Name == service)))
                {
                    lines.AddRange(batch.Select(l => l.Content));
                }
            }
            if (lines.Any(l => l.Contains(marker, StringComparison.Ordinal))) return lines;
            Assert.True(DateTime.UtcNow < deadline, $"The Api's '{marker}' line never showed in the captured logs.");
            await Task.Delay(500);
        }
    }

    [Theory]
    [InlineData("en", "Save single sign-on", "Single sign-on is saved.")]
    [InlineData("fr", "Enregistrer l'authentification unique", "L'authentification unique est enregistrée.")]
    public async Task An_admin_sets_the_company_s_sso_on_the_settings_page_on_a_phone(string language, string save, string saved)
    {
        var company = await TestCompany.CreateAsync(app);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await company.Admin.PatchAsync("/api/users/me", new { language })).StatusCode);
        await using var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone);
        await phone.SignInAsync(company.Admin.Email, company.Admin.Password);
        await phone.GoToAsync($"/companies/{company.CompanyId}/settings");
        var page = phone.Page;
        await Expect(page.Locator("#sso code")).ToHaveTextAsync($"{Web.ToString().TrimEnd('/')}/account/sso/callback");
        const string secret = "the-client-secret-typed-once";
        await page.Locator("#sso-issuer").FillAsync(provider.Issuer);
        await page.Locator("#sso-client-id").FillAsync("arkoa-settings");
        await page.Locator("#sso-client-secret").FillAsync(secret);
        await page.Locator("#sso-domains").FillAsync("Example.TEST, café.test");
        await page.Locator("#sso input[name='Input.Enabled']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = save }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(saved);
        await Expect(page.Locator("#sso-domains")).ToHaveValueAsync("example.test, xn--caf-dma.test");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        // The page's fit on a phone is PhoneLayoutBrowserTests' sweep (the test company's long generated name can push
        // the shell's role badge out here, whatever the section).
        await phone.ScreenshotAsync($"sso-settings-{language}");

        var stored = await company.Admin.GetJsonAsync(company.Url("/sso"));
        Assert.True(stored.GetProperty("clientSecretSet").GetBoolean());
        Assert.True(stored.GetProperty("enabled").GetBoolean());
        Assert.False(stored.GetProperty("mandatory").GetBoolean());

        // A refused issuer is said next to the form, the secret not echoed back.
        await page.Locator("#sso-issuer").FillAsync("http://idp.example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = save }).ClickAsync();
        await Expect(page.Locator("#sso .validation-message")).ToBeVisibleAsync();
        await Expect(page.Locator("#sso-client-secret")).ToHaveValueAsync("");
    }

    private static async Task ContinueWithSsoAsync(IPage page, string email, string companyName)
    {
        await page.GotoAsync("/sign-in");
        await page.Locator("#sso-email").FillAsync(email);
        await page.Locator("form.sso-form button[type=submit]").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Continue to {companyName}'s sign-in" }).ClickAsync();
    }

    /// <summary>Back on Arkoa, signed in: wherever the home page sends a member, neither the sign-in page nor the callback.</summary>
    private async Task WaitBackInArkoaAsync(IPage page) =>
        await page.WaitForURLAsync(url => new Uri(url).Port == Web.Port
            && new Uri(url).AbsolutePath is not ("/sign-in" or "/account/sso/callback" or "/account/sso/start"));

    /// <summary>The provider's own login form; without script its post back to Arkoa waits for its button.</summary>
    private Uri Web => app.App.GetEndpoint("web", "http");

    private async Task SignInAtProviderAsync(IPage page, string login, bool javaScript)
    {
        try
        {
            await page.WaitForURLAsync(url => url.Contains("/authorize", StringComparison.Ordinal), new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Not at the provider: {page.Url}; it saw {string.Join(", ", provider.Requests)}");
        }
        await page.Locator("#login").FillAsync(login);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in at the provider" }).ClickAsync();
        if (!javaScript) await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
