using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Tests.Integration;

namespace Arkoa.Tests.Browser;

/// <summary>Set-up helpers of the people pages' browser tests (team, member detail, settings, profile).</summary>
public static class PeopleBrowserKit
{
    /// <summary>A user whose account speaks English, so the Web (which follows the account) shows English labels.</summary>
    public static async Task<ApiSession> EnglishUserAsync(ArkoaAppFixture app, string name)
    {
        var user = await ApiSession.SignUpAsync(app, name);
        var response = await user.Http.PatchAsync("/api/users/me", JsonContent.Create(new { language = "en" }));
        response.EnsureSuccessStatusCode();
        return user;
    }

    /// <summary>The company's membership of <paramref name="email"/>, as a manager reads it from the Api.</summary>
    public static async Task<JsonElement> MembershipOfAsync(this ApiSession manager, string companyId, string email)
    {
        var page = await manager.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/memberships?pageSize=200");
        return page.GetProperty("items").EnumerateArray()
            .Single(m => string.Equals(m.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase));
    }

    public static async Task<JsonElement> CompanyAsync(this ApiSession member, string companyId) =>
        await member.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}");
}
