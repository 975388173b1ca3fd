using System.Net;
using System.Text.RegularExpressions;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The SCIM token on the company's Webhooks page (issue 18), on a phone, as an admin: created with its secret shown once,
/// working on the company's SCIM service, rotated after a confirmation (the old one stops), revoked — forms only.
/// </summary>
public sealed class ScimTokenBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    private sealed record Words(string Create, string NewToken, string YesReplace, string Revoke, string YesRevoke, string Revoked);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["en"] = new("Create a SCIM token", "New SCIM token", "Yes, replace it", "Revoke", "Yes, revoke it", "The SCIM token is revoked: provisioning has stopped."),
        ["fr"] = new("Créer un jeton SCIM", "Nouveau jeton SCIM", "Oui, le remplacer", "Révoquer", "Oui, le révoquer", "Le jeton SCIM est révoqué\u00a0: le provisionnement est arrêté."),
    };

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_admin_creates_copies_rotates_and_revokes_the_scim_token_on_a_phone(string language)
    {
        var words = Texts[language];
        var company = await TestCompany.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PatchAsync("/api/users/me", new { language })).StatusCode);
        await using var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone);
        await phone.SignInAsync(company.Admin.Email, company.Admin.Password);
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        var page = phone.Page;
        var users = $"/scim/v2/{company.CompanyId}/Users";

        await page.GetByRole(AriaRole.Button, new() { Name = words.Create }).ClickAsync();
        var secretField = page.Locator("#scim-secret");
        await Expect(secretField).ToHaveValueAsync(new Regex("^arkoa_scim_[0-9A-Za-z]{43}$"));
        await Expect(page.Locator("button[data-copy-target=scim-secret]")).ToBeVisibleAsync();
        await Expect(page.Locator("#scim-url")).ToHaveValueAsync(new Regex($"/scim/v2/{company.CompanyId}$"));
        var first = await secretField.InputValueAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Api().WithToken(first).GetAsync(users)).StatusCode);
        Assert.Null(await LeaveWebKit.OverflowAsync(page));
        await phone.ScreenshotAsync($"scim-token-created-{language}");

        // Shown once.
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        await Expect(page.Locator("#scim-secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(first[11..], await page.ContentAsync(), StringComparison.Ordinal);

        await page.Locator("#scim summary", new() { HasText = words.NewToken }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.YesReplace }).ClickAsync();
        await Expect(page.Locator("#scim-secret")).ToHaveValueAsync(new Regex("^arkoa_scim_"));
        var second = await page.Locator("#scim-secret").InputValueAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().WithToken(first).GetAsync(users)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().WithToken(second).GetAsync(users)).StatusCode);

        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        await page.Locator("#scim summary", new() { HasText = words.Revoke }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.YesRevoke }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = words.Revoked })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = words.Create })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().WithToken(second).GetAsync(users)).StatusCode);
    }
}
