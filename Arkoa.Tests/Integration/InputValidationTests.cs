using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Arkoa.Tests.Integration;

/// <summary>Bad input gets a 400 problem naming the field, never a 500, and changes nothing.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class InputValidationTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("""{"type":"PAID","startDate":"2030-02-04"}""", "endDate")]            // missing field
    [InlineData("""{"type":"HOLIDAY","startDate":"2030-02-04","endDate":"2030-02-05"}""", "type")] // unknown enum
    [InlineData("""{"type":"PAID","startDate":"2030-02-30","endDate":"2030-03-01"}""", "startDate")] // impossible date
    [InlineData("""{"type":"PAID","startDate":42,"endDate":"2030-03-01"}""", "startDate")]  // wrong type
    [InlineData("""{"type":"PAID","startDate":"2030-02-05","endDate":"2030-02-04"}""", "endDate")] // end before start
    [InlineData("""{"type":"PAID","startDate":"2030-02-09","endDate":"2030-02-10"}""", "endDate")] // a weekend: no working day
    [InlineData("""{"type":"PAID","startDate":"2030-02-04","endDate":"2030-02-05","halfDayPeriod":"MORNING"}""", "halfDayPeriod")]
    [InlineData("""{"type":"PAID","startDate":"2030-02-04","endDate":"2030-02-04","startHalf":"NOON"}""", "startHalf")]
    [InlineData("""{"type":"PAID","startDate":"2030-02-04","endDate":"2030-02-04","reason":"REASON"}""", "reason")] // 501 chars, below
    [InlineData("""{"type":"PAID","startDate":"2030-02-04",""", "body")]                   // malformed JSON
    public async Task A_bad_leave_request_is_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        var paidBefore = await user.BalanceAsync(companyId, membershipId, "PAID");

        var response = await user.Http.PostAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            Json(body.Replace("REASON", new string('x', 501))));

        await AuthFlowTests.Assert400WithField(response, field);
        Assert.Empty(await user.LeavesAsync(companyId, membershipId));
        Assert.Equal(paidBefore, await user.BalanceAsync(companyId, membershipId, "PAID"));
    }

    [Theory]
    [InlineData("""{"annualLeaveDays":25}""", "name")]
    [InlineData("""{"name":"","annualLeaveDays":25}""", "name")]
    [InlineData("""{"name":"NAME101","annualLeaveDays":25}""", "name")]
    [InlineData("""{"name":"Acme","annualLeaveDays":51}""", "annualLeaveDays")]
    [InlineData("""{"name":"Acme","annualLeaveDays":-1}""", "annualLeaveDays")]
    [InlineData("""{"name":"Acme","annualLeaveDays":"many"}""", "annualLeaveDays")]
    [InlineData("""{"name":"Acme","logoUrl":"not a url"}""", "logoUrl")]
    [InlineData("""not json at all""", "body")]
    public async Task A_bad_company_is_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var user = await ApiSession.SignUpAsync(app);

        var response = await user.Http.PostAsync("/api/companies", Json(body.Replace("NAME101", new string('n', 101))));

        await AuthFlowTests.Assert400WithField(response, field);
        var companies = await user.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/companies");
        Assert.Equal(0, companies.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("""{"email":"a@b.test","password":"pass word 1"}""", "name")]
    [InlineData("""{"name":"A","email":"not-an-email","password":"pass word 1"}""", "email")]
    [InlineData("""{"name":"A","email":"a@b.test"}""", "password")]
    [InlineData("""[1,2,3]""", "body")]
    public async Task A_bad_sign_up_is_a_400_naming_the_field(string body, string field) =>
        await AuthFlowTests.Assert400WithField(await app.Api().PostAsync("/api/auth/sign-up", Json(body)), field);

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?page=abc", "page")]
    [InlineData("?pageSize=ten", "pageSize")]
    [InlineData("?page=2147483647", "page")]
    [InlineData("?page=-1", "page")]
    public async Task Bad_pagination_is_a_400_naming_the_parameter(string query, string field)
    {
        var user = await ApiSession.SignUpAsync(app);
        await AuthFlowTests.Assert400WithField(await user.Http.GetAsync("/api/companies" + query), field);
    }

    [Theory]
    [InlineData("GET", "/api/companies")]
    [InlineData("POST", "/api/companies")]
    [InlineData("GET", "/api/companies/00000000-0000-0000-0000-000000000001/memberships/00000000-0000-0000-0000-000000000002/leaves")]
    [InlineData("POST", "/api/companies/00000000-0000-0000-0000-000000000001/memberships/00000000-0000-0000-0000-000000000002/leaves")]
    [InlineData("GET", "/api/companies/00000000-0000-0000-0000-000000000001/memberships/00000000-0000-0000-0000-000000000002/leave-balances")]
    [InlineData("POST", "/api/auth/sign-out")]
    public async Task Without_a_session_every_private_endpoint_is_a_401_problem(string method, string path)
    {
        var response = await app.Api().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
