using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>A company API token as its creation answered, and a client that calls the Api with it.</summary>
public sealed record TestCompanyApiToken(string Id, string Secret, HttpClient Http);

public static class CompanyApiTokenKit
{
    public static string Url(string companyId) => $"/api/companies/{companyId}/api-tokens";

    /// <summary>Creates a company token through the Api with <paramref name="scopes"/>; asserts the 201.</summary>
    public static async Task<TestCompanyApiToken> CreateCompanyTokenAsync(
        this ApiSession admin, IArkoaApi app, string companyId, string name, params string[] scopes)
    {
        var response = await admin.Http.PostAsJsonAsync(Url(companyId), new { name, scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        return new TestCompanyApiToken(created.GetProperty("id").GetString()!, secret, app.Api().WithToken(secret));
    }
}
