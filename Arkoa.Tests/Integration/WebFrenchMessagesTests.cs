using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace Arkoa.Tests.Integration;

/// <summary>The Api writes its messages in English; a French page shows them in French, next to the same field.</summary>
public sealed class WebFrenchMessagesTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task A_message_with_values_is_translated_next_to_its_field_and_the_account_speaks_french()
    {
        using var browser = FrenchBrowser();
        var email = ApiSession.UniqueEmail("fr");

        var response = await WebForms.PostFormAsync(browser, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Camille",
            ["Input.Email"] = email,
            ["Input.Password"] = "abc1",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Le mot de passe doit contenir au moins 8 caractères.", html);
        Assert.DoesNotContain("The password must have", html);
        Assert.Contains($"value=\"{email}\"", html); // what was typed stays

        await WebForms.PostFormAsync(browser, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Camille",
            ["Input.Email"] = email,
            ["Input.Password"] = "mot de passe 42",
        });
        // Signed up from a French page: the account (and so its mails) is French.
        var session = await app.Api().PostAsJsonAsync("/api/auth/sign-in", new { email, password = "mot de passe 42" });
        var user = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user");
        Assert.Equal("fr", user.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_plain_message_is_translated_and_an_english_page_keeps_the_api_s_words()
    {
        var owner = await ApiSession.SignUpAsync(app);
        var name = $"Doublon {Guid.NewGuid():N}"[..24];
        Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/companies", new { name, annualLeaveDays = 25 })).StatusCode);

        using var french = FrenchBrowser();
        await SignInAsync(french, owner);
        var html = WebUtility.HtmlDecode(await (await WebForms.PostFormAsync(french, "/companies", "create-company", new()
        {
            ["Input.Name"] = name,
            ["Input.AnnualLeaveDays"] = "25",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Une entreprise porte déjà ce nom.", html);

        var web = app.App.GetEndpoint("web", "http");
        var cookies = new CookieContainer();
        using var english = WebForms.Browser(web, cookies);
        await SignInAsync(english, owner);
        // Signing in applied the account's language (French); this browser then chooses English.
        cookies.Add(web, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        html = WebUtility.HtmlDecode(await (await WebForms.PostFormAsync(english, "/companies", "create-company", new()
        {
            ["Input.Name"] = name,
            ["Input.AnnualLeaveDays"] = "25",
        })).Content.ReadAsStringAsync());
        Assert.Contains("A company with this name already exists.", html);
    }

    private HttpClient FrenchBrowser()
    {
        var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        return browser;
    }

    private static async Task SignInAsync(HttpClient browser, ApiSession user)
    {
        var response = await WebForms.PostFormAsync(browser, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        // Signed in: the Web sent the browser on to the user's company.
        Assert.StartsWith("/companies/", response.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
