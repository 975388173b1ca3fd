using System.Net;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The profile's API tokens (issue 18) on a phone: a token created with a name and rights shows its secret once with a
/// Copy button, works against the Api, is listed without its secret, and revoking it stops it at once.
/// </summary>
public sealed class ApiTokenBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("en", "Payroll export", "Write (request, change and cancel your own leaves)", "Create the token", "Revoke {0}", "The token is revoked: it no longer works.")]
    [InlineData("fr", "Export de paie", "Écriture (demander, modifier et annuler vos propres congés)", "Créer le jeton", "Révoquer {0}", "Le jeton est révoqué\u00a0: il ne fonctionne plus.")]
    public async Task A_person_creates_a_token_copies_it_once_and_revokes_it_on_a_phone(
        string language, string name, string write, string create, string revoke, string revoked)
    {
        var company = await TestCompany.CreateAsync(app);
        // The account's language wins over the browser's once signed in.
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PatchAsync("/api/users/me", new { language })).StatusCode);
        await using var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone);
        await phone.SignInAsync(company.Admin.Email, company.Admin.Password);
        await phone.GoToAsync("/profile");
        var section = phone.Page.Locator("section[aria-labelledby=tokens-heading]");

        await section.Locator("#token-name").FillAsync(name);
        await section.GetByLabel(write).CheckAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = create }).ClickAsync();

        var secretField = section.Locator("#token-secret");
        await Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^arkoa_pat_[0-9A-Za-z]{43}$"));
        await Expect(section.Locator("button[data-copy-target=token-secret]")).ToBeVisibleAsync();
        Assert.Null(await LeaveWebKit.OverflowAsync(phone.Page));
        await phone.ScreenshotAsync($"api-token-created-{language}");
        var secret = await secretField.InputValueAsync();

        // It works, with the rights ticked (read is ticked by default) and no more.
        var token = app.Api().WithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(company.Url())).StatusCode);
        await (await token.PatchAsync(company.Url(), JsonContent(new { name = "Renamed" }))).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");

        // Shown once: the list has it by name, never its secret.
        await phone.GoToAsync("/profile");
        await Expect(section.Locator("#token-secret")).ToHaveCountAsync(0);
        await Expect(section.Locator("table")).ToContainTextAsync(name);
        Assert.DoesNotContain(secret[10..], await phone.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Null(await LeaveWebKit.OverflowAsync(phone.Page));

        await section.GetByRole(AriaRole.Button, new() { Name = revoke.Replace("{0}", name) }).ClickAsync();
        await Expect(section.Locator(".notice[role=status]")).ToHaveTextAsync(revoked);
        await Expect(section.Locator("table")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync(company.Url())).StatusCode);
    }

    private static StringContent JsonContent(object body) => CompanyTestKit.Json(System.Text.Json.JsonSerializer.Serialize(body));
}
