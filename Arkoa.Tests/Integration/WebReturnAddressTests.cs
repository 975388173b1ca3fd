using System.Net;
using Aspire.Hosting.Testing;

namespace Arkoa.Tests.Integration;

/// <summary>After signing in, the Web follows only a return address it can: anything else leads home (a '/été' was a 500).</summary>
public sealed class WebReturnAddressTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Theory]
    [InlineData("%2F%C3%A9t%C3%A9")]      // "/été": non-ASCII cannot go into the Location header
    [InlineData("%2Fcompanies%00")]       // a control character
    [InlineData("%2F%2Fevil.test")]       // another site
    public async Task After_signing_in_a_return_address_the_web_cannot_follow_leads_home(string returnUrl)
    {
        var user = await ApiSession.SignUpAsync(app);
        using var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"), followRedirects: false);

        var response = await WebForms.PostFormAsync(browser, $"/sign-in?ReturnUrl={returnUrl}", "sign-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

        AssertRedirectHome(browser, response);
        // Signed in, the sign-in page sends them on at once: the same rule applies.
        AssertRedirectHome(browser, await browser.GetAsync($"/sign-in?ReturnUrl={returnUrl}"));
    }

    private static void AssertRedirectHome(HttpClient browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(browser.BaseAddress!, response.Headers.Location!);
        Assert.Equal(browser.BaseAddress!.Authority, target.Authority);
        Assert.Equal("/", target.PathAndQuery);
    }
}
