using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Dark mode (issue 14 §15): the Web follows the device's light or dark setting until the account chooses, and the
/// choice is saved on the account, follows the person to another device and is drawn by the server from the first paint.
/// </summary>
public sealed class ThemeBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    /// <summary>The page's background as drawn (app.css: #f5f7fa light, #111418 dark).</summary>
    private const string LightBackground = "rgb(245, 247, 250)";
    private const string DarkBackground = "rgb(17, 20, 24)";

    private static Task<string> BackgroundAsync(IPage page) =>
        page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");

    [Fact]
    public async Task The_web_follows_the_device_until_the_account_chooses_and_the_choice_follows_the_person()
    {
        var user = await ApiSession.SignUpAsync(app, "Theme Walker");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await user.PatchAsync("/api/users/me", new { language = "en" })).StatusCode);

        await using (var laptop = await WebBrowser.OpenAsync(app, chromium, "en", colorScheme: ColorScheme.Dark))
        {
            // Nobody chose yet: a device set to dark gets dark pages.
            await laptop.GoToAsync("/sign-in");
            Assert.Null(await laptop.Page.Locator("html").GetAttributeAsync("data-theme"));
            Assert.Equal(DarkBackground, await BackgroundAsync(laptop.Page));

            await laptop.SignInAsync(user.Email, user.Password);
            await laptop.GoToAsync("/profile");
            var form = laptop.Page.Locator("section[aria-labelledby=theme-heading]");
            await Expect(form.GetByLabel("Like my device")).ToBeCheckedAsync();

            await form.GetByLabel("Light").CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Save the theme" }).ClickAsync();
            await laptop.Page.WaitForURLAsync("**/profile?saved=theme");
            await Expect(laptop.Page.Locator(".notice[role=status]")).ToHaveTextAsync("The theme is saved.");
            await Expect(laptop.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
            Assert.Equal(LightBackground, await BackgroundAsync(laptop.Page)); // the account wins over the dark device
            await Expect(form.GetByLabel("Light")).ToBeCheckedAsync();

            // Kept on the next page too, not only on the page that saved it.
            await laptop.GoToAsync("/companies");
            Assert.Equal(LightBackground, await BackgroundAsync(laptop.Page));

            await laptop.GoToAsync("/profile");
            await form.GetByLabel("Dark").CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Save the theme" }).ClickAsync();
            await laptop.Page.WaitForURLAsync("**/profile?saved=theme");
            await Expect(laptop.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        }

        var me = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal("dark", me.GetProperty("user").GetProperty("theme").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await user.PatchAsync("/api/users/me", new { language = "fr" })).StatusCode);

        // Another device, set to light and in French: the account's dark theme is in the page's HTML itself (no flash).
        await using var phone = await WebBrowser.OpenAsync(app, chromium, "fr", WebBrowser.Phone, ColorScheme.Light);
        await phone.SignInAsync(user.Email, user.Password);
        var response = await phone.Page.GotoAsync("/profile");
        Assert.Contains("<html lang=\"fr\" data-theme=\"dark\">", await response!.TextAsync());
        Assert.Equal(DarkBackground, await BackgroundAsync(phone.Page));
        var french = phone.Page.Locator("section[aria-labelledby=theme-heading]");
        await Expect(french.Locator("h2")).ToHaveTextAsync("Apparence");
        await Expect(french.GetByLabel("Sombre")).ToBeCheckedAsync();

        // Back to the device's setting: no theme on the page, and the light device gets light pages.
        await french.GetByLabel("Comme mon appareil").CheckAsync();
        await french.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le thème" }).ClickAsync();
        await phone.Page.WaitForURLAsync("**/profile?saved=theme");
        await Expect(phone.Page.Locator(".notice[role=status]")).ToHaveTextAsync("Le thème est enregistré.");
        Assert.Null(await phone.Page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Equal(LightBackground, await BackgroundAsync(phone.Page));
    }
}
