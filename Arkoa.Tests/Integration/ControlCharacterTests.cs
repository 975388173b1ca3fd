using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Control characters and lone surrogates in any text field, query value, route value or token are a 400 naming the
/// field, and change nothing (issue 13, point 16); each of these was a 500 before.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ControlCharacterTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/api/auth/sign-in", """{"email":"a\u0000@b.test","password":"pass word 1"}""", "email")]
    [InlineData("/api/auth/sign-up", """{"name":"A\u0000","email":"EMAIL","password":"correct horse 42"}""", "name")]
    [InlineData("/api/auth/sign-up", """{"name":"Ann","email":"EMAIL","password":"correct\u0000horse 42"}""", "password")]
    [InlineData("/api/auth/forgot-password", """{"email":"a\u0000@b.test"}""", "email")]
    [InlineData("/api/auth/verify-email", """{"token":"abc\u0000"}""", "token")]
    [InlineData("/api/auth/reset-password", """{"token":"\u0000","password":"correct horse 42"}""", "token")]
    public async Task Anonymous_endpoints_refuse_control_characters_naming_the_field(string path, string body, string field)
    {
        var email = ApiSession.UniqueEmail("nul");
        var response = await app.Api().PostAsync(path, Json(body.Replace("EMAIL", email)));

        await response.AssertFieldErrorAsync(field);
        // Nothing was written: the address is still free.
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", email));
    }

    [Theory]
    [InlineData("Acme\u0000")]
    [InlineData("Acme\nCorp")]          // a name is one line
    [InlineData("Acme\tCorp")]
    [InlineData("Acme\u0085")]          // C1 control (next line)
    [InlineData("\u001b[31mAcme")]      // terminal escape
    public async Task A_company_name_with_a_control_character_is_refused(string name)
    {
        var user = await ApiSession.SignUpAsync(app);

        var response = await user.Http.PostAsJsonAsync("/api/companies", new { name, annualLeaveDays = 25 });

        await response.AssertFieldErrorAsync("name");
        var companies = await user.Http.GetFromJsonAsync<JsonElement>("/api/companies");
        Assert.Equal(0, companies.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused_naming_the_field()
    {
        var user = await ApiSession.SignUpAsync(app);
        await (await user.Http.PostAsync("/api/companies", Json("""{"name":"Acme \ud800"}"""))).AssertFieldErrorAsync("name");
    }

    [Fact]
    public async Task A_user_name_with_a_control_character_is_refused_and_the_name_kept()
    {
        var user = await ApiSession.SignUpAsync(app, "Kept Name");

        await (await user.PatchAsync("/api/users/me", new { name = "Bob\u0000" })).AssertFieldErrorAsync("name");

        var session = await user.GetJsonAsync("/api/auth/session");
        Assert.Equal("Kept Name", session.GetProperty("user").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_leave_reason_may_span_lines_but_holds_no_other_control_character()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var url = $"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves";
        var monday = TestDates.FebruaryMondayNextYear();

        var refused = await team.Employee.Http.PostAsJsonAsync(url,
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso(), reason = "family\u0000matters" });
        await refused.AssertFieldErrorAsync("reason");
        Assert.Empty(await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));

        var accepted = await team.Employee.Http.PostAsJsonAsync(url,
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso(), reason = "family matters:\r\n\tmoving house" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var leave = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("family matters:\r\n\tmoving house", leave.GetProperty("reason").GetString());

        var note = await team.Manager.Http.PostAsJsonAsync(team.Url($"/leaves/{leave.GetProperty("id").GetString()}/review"),
            new { status = "REJECTED", managerNote = "no\u0007" });
        await note.AssertFieldErrorAsync("managerNote");
    }

    [Theory]
    [InlineData("/api/companies/COMPANY/calendar.ics?token=a%00b", "token")]
    [InlineData("/api/companies/COMPANY/calendar.ics?token=%1B", "token")]
    [InlineData("/api/users/me/calendar-link?companyId=%00", "companyId")]
    [InlineData("/api/companies/COMPANY/leaves?status=PENDING%00", "status")]
    [InlineData("/api/invitations/abc%1Bdef", "token")]
    [InlineData("/api/invitations/abc%0Adef/accept", "token")]
    public async Task Query_and_route_values_with_control_characters_are_refused_naming_the_parameter(string path, string field)
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);

        var response = await team.Admin.Http.SendAsync(new HttpRequestMessage(
            path.EndsWith("/accept", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path.Replace("COMPANY", team.CompanyId)));

        await response.AssertFieldErrorAsync(field);
    }
}
