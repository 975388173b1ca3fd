using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Issue 15 §3: every problem the Api answers carries its stable code (<c>type</c> https://arkoa.dev/problems/&lt;code&gt;
/// and <c>code</c>) with its values, the Api's own and the framework's alike, and field errors their <c>errorCodes</c>.
/// Endpoint contracts only: the Api in-process.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ProblemCodeTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("https://arkoa.dev/problems/" + code, problem.GetProperty("type").GetString());
        Assert.Contains(code, ProblemCodes.All);
        return problem;
    }

    private static string[] Codes(JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").GetProperty(field).EnumerateArray().Select(c => c.GetString()!).ToArray();

    [Fact]
    public async Task The_request_validation_s_field_errors_carry_their_codes_and_the_numbers_of_their_rule()
    {
        var missing = await ProblemAsync(await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { password = "x" }), HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["required"], Codes(missing, "name"));
        Assert.Equal(["required"], Codes(missing, "email"));
        Assert.Single(missing.GetProperty("errors").GetProperty("name").EnumerateArray()); // same order, same count as errors

        var tooLong = await ProblemAsync(await app.Api().PostAsJsonAsync("/api/auth/sign-in",
            new { email = new string('a', 300) + "@example.test", password = "whatever" }), HttpStatusCode.BadRequest, "too-long");
        Assert.Equal(["too-long"], Codes(tooLong, "email"));
        Assert.Equal(254, tooLong.GetProperty("errorValues").GetProperty("email")[0].GetProperty("max").GetInt32());
        Assert.Equal(254, tooLong.GetProperty("max").GetInt32());
    }

    [Fact]
    public async Task A_refusal_of_the_leave_rules_carries_its_values_and_the_overlap_names_the_leave()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 5);
        var leaves = team.LeavesUrl(membershipId);
        var remaining = await member.BalanceAsync(team.CompanyId, membershipId, "PAID");

        var overdrawn = await ProblemAsync(await member.Http.PostAsJsonAsync(leaves,
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(70).Iso(), endHalf = "MORNING" }), HttpStatusCode.BadRequest, "insufficient-balance");
        Assert.Equal(remaining, overdrawn.GetProperty("remaining").GetDecimal());
        Assert.True(overdrawn.GetProperty("requested").GetDecimal() > remaining);
        Assert.Equal(["insufficient-balance"], Codes(overdrawn, "type"));

        var first = await member.Http.PostAsJsonAsync(leaves, new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.AddDays(1).Iso() });
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var overlap = await ProblemAsync(await member.Http.PostAsJsonAsync(leaves,
            new { type = "PAID", startDate = monday.AddDays(1).Iso(), endDate = monday.AddDays(2).Iso() }), HttpStatusCode.Conflict, "leave-overlap");
        Assert.Equal((firstId, "UNPAID", monday.Iso(), monday.AddDays(1).Iso()),
            (overlap.GetProperty("leaveId").GetString(), overlap.GetProperty("leaveType").GetString(),
             overlap.GetProperty("startDate").GetString(), overlap.GetProperty("endDate").GetString()));
    }

    [Fact]
    public async Task Forbidden_not_found_and_unauthenticated_answers_say_their_code()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, _) = await team.AddMemberAsync(app);

        await ProblemAsync(await member.Http.GetAsync($"/api/companies/{team.CompanyId}/leaves"), HttpStatusCode.Forbidden, "manager-only-company-view");
        await ProblemAsync(await team.Admin.Http.GetAsync($"/api/companies/{team.CompanyId}/holidays/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "holiday-not-found");
        await ProblemAsync(await team.Admin.Http.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await app.Api().GetAsync($"/api/companies/{team.CompanyId}/leaves"), HttpStatusCode.Unauthorized, "not-signed-in");
        await ProblemAsync(await team.Admin.Http.DeleteAsync("/api/auth/sign-in"), HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task Unreadable_bodies_and_query_values_say_their_code_and_field()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        var leaves = team.LeavesUrl(membershipId);

        await ProblemAsync(await member.Http.PostAsync(leaves, new StringContent("""{"type":"PAID"}""", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        var wrongType = await ProblemAsync(await member.Http.PostAsync(leaves,
            new StringContent("""{"type":"PAID","startDate":"not a date","endDate":"2030-01-01"}""", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "invalid-value");
        Assert.Equal(["invalid-value"], Codes(wrongType, "startDate"));

        var broken = await ProblemAsync(await member.Http.PostAsync(leaves, new StringContent("{\n\"type\": ", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "invalid-json");
        Assert.Equal(2, broken.GetProperty("line").GetInt32());

        var page = await ProblemAsync(await member.Http.GetAsync($"{leaves}?page=abc"), HttpStatusCode.BadRequest, "out-of-range");
        Assert.Equal((1, 1_000_000), (page.GetProperty("min").GetInt32(), page.GetProperty("max").GetInt32()));

        var control = await ProblemAsync(await member.Http.PostAsJsonAsync(leaves,
            new { type = "UNPAID", startDate = "2030-01-07", endDate = "2030-01-07", reason = "a\u0001b" }), HttpStatusCode.BadRequest, "control-characters");
        Assert.Equal(["control-characters"], Codes(control, "reason"));
    }
}
