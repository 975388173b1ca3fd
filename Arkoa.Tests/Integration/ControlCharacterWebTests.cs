using System.Net;
using Aspire.Hosting.Testing;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Control characters where only the real processes can show what happens: Kestrel's request line, and the Web's
/// forms (the Api-side refusals are in <see cref="ControlCharacterTests"/>).
/// </summary>
public sealed class ControlCharacterWebTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task A_nul_in_a_path_never_reaches_the_api() =>
        // Kestrel refuses the request line itself.
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Api().GetAsync("/api/invitations/abc%00def")).StatusCode);

    [Theory]
    [InlineData("en", "Control characters are not allowed here.")]
    [InlineData("fr", "Les caractères de contrôle ne sont pas autorisés ici.")]
    public async Task The_web_shows_the_refusal_next_to_the_field_in_the_reader_s_language(string language, string message)
    {
        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await WebForms.PostFormAsync(browser, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Web\u001bUser",
            ["Input.Email"] = ApiSession.UniqueEmail("web"),
            ["Input.Password"] = "web pass 123",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        Assert.Contains(message, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_nul_in_a_web_form_is_refused_by_the_form_reader_not_a_500()
    {
        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));

        // ASP.NET Core's form reader refuses a NUL in a value (InvalidDataException), so antiforgery finds no token: 400.
        var response = await WebForms.PostFormAsync(browser, "/sign-up", "sign-up", new()
        {
            ["Input.Name"] = "Web\u0000User",
            ["Input.Email"] = ApiSession.UniqueEmail("web"),
            ["Input.Password"] = "web pass 123",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
