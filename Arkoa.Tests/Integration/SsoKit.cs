using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The in-process Api of the single sign-on tests: it may reach the <see cref="OidcTestProvider"/> on loopback over
/// http (Webhooks:AllowPrivateTargets, Development only), which every other fixture keeps refusing.
/// </summary>
public sealed class SsoInProcessApi : InProcessApi
{
    protected override void Configure(IWebHostBuilder host) => host.UseSetting("Webhooks:AllowPrivateTargets", "true");
}

/// <summary>A company's single sign-on at the test provider: its client, and signing in through it as the Web does.</summary>
public sealed record SsoTestCompany(TestCompany Company, OidcTestProvider Provider, string ClientId, string ClientSecret, string RedirectUri)
{
    public string SettingsUrl => Company.Url("/sso");

    /// <summary>
    /// Registers a client at the provider and sets it as the company's single sign-on (by its admin, through the Api),
    /// taking <paramref name="domains"/>, with the redirect URI of <paramref name="web"/>; asserts the 200.
    /// </summary>
    public static async Task<SsoTestCompany> SetUpAsync(
        TestCompany company, OidcTestProvider provider, string[] domains, bool mandatory = false, Uri? web = null)
    {
        var clientId = $"arkoa-{Guid.NewGuid():N}";
        var secret = $"client-secret-{Guid.NewGuid():N}";
        // The Web's callback: the one under test in a browser, else a made-up one (the Api tests play the Web).
        var redirectUri = new Uri(web ?? new Uri("https://web.arkoa.test"), "/account/sso/callback").ToString();
        provider.AddClient(clientId, secret, redirectUri);
        var sso = new SsoTestCompany(company, provider, clientId, secret, redirectUri);
        var response = await company.Admin.Http.PutAsJsonAsync(sso.SettingsUrl, new
        {
            issuer = provider.Issuer, clientId, clientSecret = secret, allowedDomains = domains, mandatory, enabled = true,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return sso;
    }

    /// <summary>
    /// Signs in at the provider as <paramref name="person"/> and hands the code to the Api as the Web does
    /// (POST /api/sso/sessions, for this company unless <paramref name="companyId"/> says another).
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(IArkoaApi app, TestPerson person, string? companyId = null,
        Func<(string Code, string Verifier, string Nonce), (string Code, string Verifier, string Nonce)>? tamper = null)
    {
        Provider.AddPerson(person);
        var authorized = await Provider.AuthorizeAsync(ClientId, RedirectUri, person.Login);
        var (code, verifier, nonce) = tamper is null ? authorized : tamper(authorized);
        return await app.Api().PostAsJsonAsync("/api/sso/sessions", new
        {
            companyId = companyId ?? Company.CompanyId, code, codeVerifier = verifier, redirectUri = RedirectUri, nonce,
        });
    }

    /// <summary>Signs in through the provider and returns the Api session's token and user; asserts the 200.</summary>
    public async Task<(string Token, JsonElement User)> SignedInAsync(IArkoaApi app, TestPerson person)
    {
        var response = await SignInAsync(app, person);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("token").GetString()!, body.GetProperty("user"));
    }
}
