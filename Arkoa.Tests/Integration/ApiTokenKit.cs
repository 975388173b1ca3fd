using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>A personal API token as its creation answered, and a client that calls the Api with it.</summary>
public sealed record TestApiToken(string Id, string Secret, string MembershipId, HttpClient Http);

public static class ApiTokenKit
{
    public const string Url = "/api/users/me/api-tokens";

    /// <summary>A one-day paid leave on a Monday of next February, <paramref name="weeksLater"/> weeks on.</summary>
    public static object LeaveBody(int weeksLater = 0) => new
    {
        type = "PAID", startDate = TestDates.FebruaryMondayNextYear(weeksLater).Iso(), endDate = TestDates.FebruaryMondayNextYear(weeksLater).Iso(),
    };

    /// <summary>Creates a token through the Api with <paramref name="scopes"/>; asserts the 201.</summary>
    public static async Task<TestApiToken> CreateTokenAsync(this ApiSession owner, IArkoaApi app, string companyId, params string[] scopes)
    {
        var response = await owner.Http.PostAsJsonAsync(Url, new { companyId, name = "Script", scopes, expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        return new TestApiToken(created.GetProperty("id").GetString()!, secret, created.GetProperty("membershipId").GetString()!,
            app.Api().WithToken(secret));
    }

    /// <summary>Asserts a problem of <paramref name="status"/> with <paramref name="code"/>; returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await AccountTestKit.ProblemAsync(response, status);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
