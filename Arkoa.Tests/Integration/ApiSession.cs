using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>A user signed up through the real Api, with an HttpClient carrying their bearer token.</summary>
public sealed record ApiSession(HttpClient Http, string UserId, string Email, string Password, string Token)
{
    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    public static async Task<ApiSession> SignUpAsync(ArkoaAppFixture app, string name = "Test User")
    {
        var email = UniqueEmail();
        const string password = "correct horse 42";
        var http = app.Api();
        var response = await http.PostAsJsonAsync("/api/auth/sign-up", new { name, email, password });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var authenticated = app.Api();
        authenticated.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiSession(authenticated, body.GetProperty("user").GetProperty("id").GetString()!, email, password, token);
    }

    /// <summary>Creates a company (the caller becomes its ADMIN); returns (companyId, membershipId).</summary>
    public async Task<(string CompanyId, string MembershipId)> CreateCompanyAsync(int annualLeaveDays = 25)
    {
        var response = await Http.PostAsJsonAsync("/api/companies", new { name = $"Company {Guid.NewGuid():N}", annualLeaveDays });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var company = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (company.GetProperty("id").GetString()!, company.GetProperty("userMembershipId").GetString()!);
    }

    public async Task<decimal> BalanceAsync(string companyId, string membershipId, string type)
    {
        var balances = await Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/memberships/{membershipId}/leave-balances");
        return balances.EnumerateArray().Single(b => b.GetProperty("type").GetString() == type).GetProperty("remainingDays").GetDecimal();
    }

    public async Task<List<JsonElement>> HistoryAsync(string companyId, string membershipId)
    {
        var page = await Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/memberships/{membershipId}/leave-balance-history");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public async Task<List<JsonElement>> LeavesAsync(string companyId, string membershipId)
    {
        var page = await Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/memberships/{membershipId}/leaves");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public async Task CreditAsync(string companyId, string membershipId, string type, decimal days)
    {
        var response = await Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leave-balances",
            new { type, change = days, reason = "Test credit", historyType = "MANUEL_CREDIT" });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
