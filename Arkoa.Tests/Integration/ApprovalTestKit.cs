using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Approval chains, members' approvers and delegations (SPEC §11) through the real endpoints: an admin sets the chain,
/// anyone delegates; every helper asserts the Api's success, so a test reads as the set-up it builds.
/// </summary>
public static class ApprovalTestKit
{
    /// <summary>A step as the Api takes it.</summary>
    public static object Step(string approvers, string mode = "ANY", string? namedMembershipId = null, string[]? leaveTypes = null,
        decimal? moreThanDays = null) => new { approvers, mode, namedMembershipId, leaveTypes, moreThanDays };

    public static async Task SetChainAsync(this ApiSession admin, string companyId, params object[] steps) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/companies/{companyId}/approval-chain",
            new { name = "Approvals", steps })).StatusCode);

    public static async Task<string> DelegateAsync(this ApiSession session, string companyId, string toMembershipId, DateOnly start, DateOnly end,
        string? fromMembershipId = null)
    {
        var response = await session.Http.PostAsJsonAsync($"/api/companies/{companyId}/approval-delegations",
            new { fromMembershipId, toMembershipId, startDate = start.Iso(), endDate = end.Iso() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> ReviewAsync(this ApiSession reviewer, TestCompany company, string leaveId, string status, string? managerNote = null) =>
        reviewer.Http.PostAsJsonAsync(company.ReviewUrl(leaveId), new { status, managerNote });

    /// <summary>GET /leaves/{leaveId}/approval.</summary>
    public static Task<JsonElement> ApprovalAsync(this ApiSession session, TestCompany company, string leaveId) =>
        session.GetJsonAsync(company.Url($"/leaves/{leaveId}/approval"));

    /// <summary>Each step's decisions as (step, approver's membership, on behalf of, decision), in order.</summary>
    public static List<(int Step, string Approver, string? OnBehalfOf, string Decision)> Decisions(this JsonElement approval) =>
        approval.GetProperty("stepList").EnumerateArray().SelectMany(step => step.GetProperty("approvers").EnumerateArray()
            .Where(a => a.GetProperty("decision").ValueKind == JsonValueKind.String)
            .Select(a => (step.GetProperty("step").GetInt32(), a.GetProperty("membershipId").GetString()!,
                a.GetProperty("onBehalfOfId").GetString(), a.GetProperty("decision").GetString()!))).ToList();

    /// <summary>The company's today, whatever its zone: a delegation's window around it holds it.</summary>
    public static DateOnly UtcToday() => DateOnly.FromDateTime(DateTime.UtcNow);
}
