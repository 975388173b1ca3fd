using System.Net;
using System.Text.RegularExpressions;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The company API tokens on the company's Webhooks page (issue 18), on a phone, as an admin: one created with the
/// rights ticked and its secret shown once, working on the Api within them, listed with its creator, revoked — forms only.
/// </summary>
public sealed class CompanyApiTokenBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    private sealed record Words(string Name, string Write, string Create, string Revoked);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["en"] = new("Token name", "Write (record members' leaves, adjust balances)", "Create the company token", "The token is revoked: it no longer works."),
        ["fr"] = new("Nom du jeton", "Écriture (saisir les congés des membres, ajuster les soldes)", "Créer le jeton d'entreprise",
            "Le jeton est révoqué\u00a0: il ne fonctionne plus."),
    };

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_admin_creates_copies_and_revokes_a_company_token_on_a_phone(string language)
    {
        var words = Texts[language];
        var company = await TestCompany.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PatchAsync("/api/users/me", new { language })).StatusCode);
        await using var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone);
        await phone.SignInAsync(company.Admin.Email, company.Admin.Password);
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        var page = phone.Page;

        await page.GetByLabel(words.Name).FillAsync("Payroll sync");
        await page.GetByLabel(words.Write).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.Create }).ClickAsync();
        var secretField = page.Locator("#company-token-secret");
        await Expect(secretField).ToHaveValueAsync(new Regex("^arkoa_cat_[0-9A-Za-z]{43}$"));
        var secret = await secretField.InputValueAsync();
        var token = app.Api().WithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(company.Url("/leaves"))).StatusCode);
        // Read and write ticked, not approve.
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PostAsync(company.Url($"/leaves/{Guid.NewGuid()}/review"), null)).StatusCode);
        var row = page.Locator("#company-tokens tr", new() { HasText = "Payroll sync" });
        await Expect(row).ToContainTextAsync("Ada Admin");
        Assert.Null(await LeaveWebKit.OverflowAsync(page));
        await phone.ScreenshotAsync($"company-token-created-{language}");

        // Shown once.
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        await Expect(page.Locator("#company-token-secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret[10..], await page.ContentAsync(), StringComparison.Ordinal);

        await page.Locator("#company-tokens").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Payroll sync$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = words.Revoked })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync(company.Url("/leaves"))).StatusCode);
    }
}
