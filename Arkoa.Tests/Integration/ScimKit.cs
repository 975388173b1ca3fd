using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>A company's SCIM token as its creation answered, and a client that calls the SCIM service with it, as an identity provider would.</summary>
public sealed record TestScimClient(string Secret, string BaseUrl, HttpClient Http, string CompanyId)
{
    public string Users(string rest = "") => $"/scim/v2/{CompanyId}/Users{rest}";
    public string Groups(string rest = "") => $"/scim/v2/{CompanyId}/Groups{rest}";

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/scim+json");
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string url, string json) => SendAsync(HttpMethod.Post, url, json);
    public Task<HttpResponseMessage> PatchAsync(string url, string json) => SendAsync(HttpMethod.Patch, url, json);
    public Task<HttpResponseMessage> PutAsync(string url, string json) => SendAsync(HttpMethod.Put, url, json);

    /// <summary>GET, asserting a 200 in SCIM's media type.</summary>
    public async Task<JsonElement> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await ScimKit.AssertScimAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The list answer of <c>filter=userName eq "…"</c>.</summary>
    public Task<JsonElement> FindUserAsync(string userName) =>
        GetAsync(Users($"?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}"));
}

public static class ScimKit
{
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public static string TokenUrl(string companyId) => $"/api/companies/{companyId}/scim-token";

    /// <summary>Creates (or rotates) the company's SCIM token as its admin; asserts the 201.</summary>
    public static async Task<TestScimClient> CreateScimTokenAsync(this ApiSession admin, IArkoaApi app, string companyId)
    {
        var response = await admin.Http.PostAsync(TokenUrl(companyId), null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        return new TestScimClient(secret, created.GetProperty("baseUrl").GetString()!, app.Api().WithToken(secret), companyId);
    }

    /// <summary>Asserts <paramref name="status"/> and SCIM's media type; returns the body (or an empty element for none).</summary>
    public static async Task<JsonElement> AssertScimAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        if (text.Length == 0) return default;
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a SCIM error of <paramref name="status"/> and <paramref name="scimType"/> (null: none); returns its detail.</summary>
    public static async Task<string> AssertScimErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? scimType)
    {
        var error = await AssertScimAsync(response, status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error.GetProperty("schemas")[0].GetString());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("status").GetString());
        Assert.Equal(scimType, error.TryGetProperty("scimType", out var type) ? type.GetString() : null);
        var detail = error.GetProperty("detail").GetString()!;
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal); // never a stack trace
        return detail;
    }

    /// <summary>A user as Entra ID's provisioning service creates it (its documented request, with the enterprise extension).</summary>
    public static string EntraUser(string userName, string externalId, bool active = true) => $$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"{{externalId}}","userName":"{{userName}}","active":{{(active ? "true" : "false")}},
         "emails":[{"primary":true,"type":"work","value":"{{userName}}"}],
         "meta":{"resourceType":"User"},
         "name":{"formatted":"Alex Martin","familyName":"Martin","givenName":"Alex"},
         "roles":[],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance","employeeNumber":"1042"} }
        """;

    /// <summary>A user as Okta creates it.</summary>
    public static string OktaUser(string userName, string givenName = "Sam", string familyName = "Okta") => $$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}",
         "name":{"givenName":"{{givenName}}","familyName":"{{familyName}}"},
         "emails":[{"primary":true,"value":"{{userName}}","type":"work"}],"displayName":"{{givenName}} {{familyName}}",
         "locale":"en-US","externalId":"00u1okta","groups":[],"password":"1mz050nq","active":true}
        """;

    public static string Patch(params string[] operations) =>
        "{\"schemas\":[\"" + PatchSchema + "\"],\"Operations\":[" + string.Join(',', operations) + "]}";

    public static async Task<bool> MembershipActiveAsync(IArkoaApi app, string membershipId) =>
        await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM memberships WHERE id = $1 AND active", Guid.Parse(membershipId)) == 1;
}
