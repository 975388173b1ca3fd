using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>Leaves created through the real POST endpoint, and the shapes read-side tests compare.</summary>
public static class LeaveRequests
{
    /// <summary>Creates a leave (the session must be the member or a manager); returns its id.</summary>
    public static async Task<string> CreateLeaveAsync(this ApiSession session, string companyId, string membershipId, string type,
        DateOnly start, DateOnly end, string? startHalf = null, string? endHalf = null)
    {
        var response = await session.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type, startDate = start.Iso(), endDate = end.Iso(), startHalf, endHalf });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    /// <summary>The ids of a page's items, in order.</summary>
    public static List<string> ItemIds(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    /// <summary>Asserts a 400 problem whose errors name <paramref name="field"/>.</summary>
    public static async Task AssertFieldErrorAsync(this HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"The problem does not name '{field}': {problem}");
    }
}
