using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Arkoa.Core.Webhooks;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The company's Webhooks page (issue 18) on a phone, as an admin: an address added with its events shows its secret
/// once, a test sent from the page reaches a real receiver signed with that secret and shows as delivered, a new secret
/// replaces the old one, and the address is deleted after a confirmation — all with forms, no script needed.
/// </summary>
public sealed class WebhookBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    private sealed record Words(string MemberJoined, string Add, string SendTest, string Delivered, string NewSecret, string Delete, string YesDelete, string Deleted);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["en"] = new("Member joined", "Add the address", "Send a test to {0}", "Delivered", "New secret for {0}", "Delete", "Yes, delete it", "The address is deleted."),
        ["fr"] = new("Arrivée d'un membre", "Ajouter l'adresse", "Envoyer un test à {0}", "Livré", "Nouveau secret pour {0}", "Supprimer", "Oui, la supprimer", "L'adresse est supprimée."),
    };

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_admin_adds_an_address_copies_its_secret_once_tests_it_rotates_it_and_deletes_it_on_a_phone(string language)
    {
        var words = Texts[language];
        await using var receiver = await WebhookReceiver.StartAsync();
        var company = await TestCompany.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PatchAsync("/api/users/me", new { language })).StatusCode);
        await using var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone);
        await phone.SignInAsync(company.Admin.Email, company.Admin.Password);
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        var page = phone.Page;

        await page.Locator("#webhook-url").FillAsync(receiver.Url);
        await page.GetByLabel(words.MemberJoined).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.Add }).ClickAsync();

        var secretField = page.Locator("#webhook-secret");
        await Expect(secretField).ToHaveValueAsync(new Regex("^whsec_[0-9A-Za-z]{43}$"));
        await Expect(page.Locator("button[data-copy-target=webhook-secret]")).ToBeVisibleAsync();
        var secret = await secretField.InputValueAsync();
        Assert.Null(await LeaveWebKit.OverflowAsync(page));
        await phone.ScreenshotAsync($"webhook-created-{language}");

        // Shown once: a new visit lists the address, not its secret.
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        await Expect(page.Locator("#webhook-secret")).ToHaveCountAsync(0);
        await Expect(page.Locator(".webhook-list")).ToContainTextAsync(receiver.Url);
        Assert.DoesNotContain(secret[6..], await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = string.Format(words.SendTest, receiver.Url) }).ClickAsync();
        await Expect(page.Locator("#deliveries")).ToBeVisibleAsync();
        Assert.True(await receiver.WaitForAsync(r => r.Count > 0, TimeSpan.FromSeconds(60)), "The test event never arrived.");
        var ping = receiver.Received[0];
        Assert.Equal("ping", ping.EventType);
        Assert.True(WebhookSignature.Verify(secret, ping.Signature, ping.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));

        // The page says it was delivered, with its attempt (the receiver answered 200). Opened anew, not reloaded: a
        // reload would post the test again.
        var hookId = (await company.Admin.Http.GetFromJsonAsync<List<System.Text.Json.JsonElement>>(company.WebhooksUrl()))!.Single().GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks?endpoint={hookId}");
        }
        while (!(await page.Locator("#deliveries").InnerTextAsync()).Contains(words.Delivered, StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        await Expect(page.Locator("#deliveries")).ToContainTextAsync(words.Delivered);
        await Expect(page.Locator("#deliveries .webhook-attempts")).ToHaveCountAsync(1);
        await Expect(page.Locator("#deliveries .webhook-attempts")).ToContainTextAsync("HTTP 200");
        Assert.Single(receiver.Received);
        Assert.Null(await LeaveWebKit.OverflowAsync(page));
        await phone.ScreenshotAsync($"webhook-deliveries-{language}");

        await page.GetByRole(AriaRole.Button, new() { Name = string.Format(words.NewSecret, receiver.Url) }).ClickAsync();
        await Expect(secretField).ToHaveValueAsync(new Regex("^whsec_[0-9A-Za-z]{43}$"));
        Assert.NotEqual(secret, await secretField.InputValueAsync());

        await page.Locator("details.confirm summary", new() { HasText = words.Delete }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.YesDelete }).ClickAsync();
        await Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync(words.Deleted);
        Assert.Empty((await company.Admin.Http.GetFromJsonAsync<List<System.Text.Json.JsonElement>>(company.WebhooksUrl()))!);
    }
}
