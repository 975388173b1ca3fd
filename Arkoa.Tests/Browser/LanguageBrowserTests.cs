using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;

namespace Arkoa.Tests.Browser;

/// <summary>French by default, English on request, and the choice follows the user (cookie here, account elsewhere).</summary>
public sealed class LanguageBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_visitor_gets_french_unless_the_browser_asks_for_english_and_a_click_switches_for_good()
    {
        await using (var german = await WebBrowser.OpenAsync(app, chromium, language: "de-DE"))
        {
            await german.GoToAsync("/sign-in");
            Assert.Equal("fr", await german.Page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal("Créer un compte", (await german.Page.Locator(".site-header a[href='/sign-up']").InnerTextAsync()).Trim());

            await german.Page.Locator(".language button[value=en]").ClickAsync();
            await german.Page.WaitForURLAsync("**/sign-in");
            Assert.Equal("en", await german.Page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal("true", await german.Page.Locator(".language button[value=en]").GetAttributeAsync("aria-pressed"));

            // Remembered by this browser: a later visit stays in English.
            await german.GoToAsync("/forgot-password");
            Assert.Equal("en", await german.Page.Locator("html").GetAttributeAsync("lang"));
        }

        await using var english = await WebBrowser.OpenAsync(app, chromium, language: "en-GB");
        await english.GoToAsync("/sign-in");
        Assert.Equal("en", await english.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Create account", (await english.Page.Locator(".site-header a[href='/sign-up']").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task A_signed_in_user_s_choice_is_saved_on_the_account_and_follows_them_to_another_browser()
    {
        var user = await ApiSession.SignUpAsync(app, "Langue Test");

        await using (var laptop = await WebBrowser.OpenAsync(app, chromium, language: "en-US"))
        {
            await laptop.SignInAsync(user.Email, user.Password);
            // The account says French (the default at sign-up): it wins over the browser's English.
            Assert.Equal("fr", await laptop.Page.Locator("html").GetAttributeAsync("lang"));
            await laptop.Page.Locator(".language button[value=en]").ClickAsync();
            await laptop.Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            Assert.Equal("en", await laptop.Page.Locator("html").GetAttributeAsync("lang"));
        }

        var me = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal("en", me.GetProperty("user").GetProperty("language").GetString());

        await using var phone = await WebBrowser.OpenAsync(app, chromium, language: "fr-FR", viewport: WebBrowser.Phone);
        await phone.SignInAsync(user.Email, user.Password);
        Assert.Equal("en", await phone.Page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task An_unknown_language_is_refused_and_changes_nothing()
    {
        await using var browser = await WebBrowser.OpenAsync(app, chromium, language: "fr-FR");
        await browser.GoToAsync("/sign-in");
        // Tamper with the form: the endpoint answers 400 and the page language stays French.
        await browser.Page.Locator(".language button[value=en]").EvaluateAsync("b => b.value = 'xx'");
        var response = await browser.Page.RunAndWaitForResponseAsync(
            () => browser.Page.Locator(".language button[value=xx]").ClickAsync(), r => r.Url.EndsWith("/language", StringComparison.Ordinal));
        Assert.Equal(400, response.Status);
        await browser.GoToAsync("/sign-in");
        Assert.Equal("fr", await browser.Page.Locator("html").GetAttributeAsync("lang"));
    }
}
