using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The colour theme is kept on the account (issue 14 §15): a new account follows the device, a choice of light or dark
/// is saved and answered with the account, and anything else is a 400 naming the field that changes nothing.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ColourThemeApiTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static async Task<string?> ThemeAsync(ApiSession user) =>
        (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user").GetProperty("theme").GetString();

    [Fact]
    public async Task A_new_account_follows_the_device_and_its_choice_is_kept_alone_of_its_other_settings()
    {
        var user = await ApiSession.SignUpAsync(app, "Theme Chooser");
        var peer = await ApiSession.SignUpAsync(app, "Theme Peer");
        Assert.Equal("system", await ThemeAsync(user));

        var dark = await user.PatchAsync("/api/users/me", new { theme = "dark" });

        Assert.Equal(HttpStatusCode.OK, dark.StatusCode);
        var answered = (await dark.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("theme").GetString();
        Assert.Equal("dark", answered);
        Assert.Equal("dark", await ThemeAsync(user));
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal(("Theme Chooser", "fr"), (session.GetProperty("user").GetProperty("name").GetString(), session.GetProperty("user").GetProperty("language").GetString()));
        Assert.Equal("system", await ThemeAsync(peer)); // one account's choice is its own

        // Changing the language leaves the theme as chosen, and back to the device's setting is a choice too.
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync("/api/users/me", new { language = "en" })).StatusCode);
        Assert.Equal("dark", await ThemeAsync(user));
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync("/api/users/me", new { theme = "system" })).StatusCode);
        Assert.Equal("system", await ThemeAsync(user));

        var export = await user.Http.GetFromJsonAsync<JsonElement>("/api/users/me/export");
        Assert.Equal("system", export.GetProperty("profile").GetProperty("theme").GetString());
    }

    [Theory]
    [InlineData("\"sepia\"")]
    [InlineData("\"Dark\"")]
    [InlineData("\" dark\"")]
    [InlineData("\"dark\\n\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    public async Task An_unknown_theme_is_a_400_naming_the_field_and_changes_nothing(string theme)
    {
        var user = await ApiSession.SignUpAsync(app, "Theme Tamperer");
        Assert.Equal(HttpStatusCode.OK, (await user.PatchAsync("/api/users/me", new { theme = "light" })).StatusCode);

        var response = await user.Http.PatchAsync("/api/users/me",
            new StringContent($$"""{"name":"Renamed","theme":{{theme}}}""", Encoding.UTF8, "application/json"));

        await AuthFlowTests.Assert400WithField(response, "theme");
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal(("Theme Tamperer", "light"),
            (session.GetProperty("user").GetProperty("name").GetString(), session.GetProperty("user").GetProperty("theme").GetString()));
    }
}
