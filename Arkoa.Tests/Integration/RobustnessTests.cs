using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Table-driven: every write endpoint gets malformed JSON, wrong types, huge strings, invalid enums, invalid dates
/// and ids of another company, and answers 4xx with a problem body — never a 500 — and changes nothing.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class RobustnessTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static readonly string Huge = new('x', 100_000);

    // Each write route with a valid body; the cases break one thing at a time.
    private static readonly (string Method, string Path, string ValidBody)[] Routes =
    [
        ("POST", "{leaves}", """{"type":"PAID","startDate":"2031-02-03","endDate":"2031-02-03","reason":"r"}"""),
        ("PATCH", "{leaves}/{leave}", """{"type":"PAID","startDate":"2031-02-03","endDate":"2031-02-03","reason":"r","version":1}"""),
        ("POST", "{leaves}/{leave}/cancel", """{"version":1}"""),
        ("POST", "/api/companies/{company}/leaves/{leave}/review", """{"status":"REJECTED","managerNote":"n","version":1}"""),
        ("POST", "/api/companies/{company}/memberships/{membership}/leave-balances", """{"type":"PAID","change":1,"reason":"r","historyType":"MANUEL_CREDIT"}"""),
        ("POST", "/api/companies", """{"name":"n","annualLeaveDays":5}"""),
    ];

    // A value of the wrong kind for each kind of field, and an out-of-range one.
    private static readonly Dictionary<string, string[]> BadValues = new()
    {
        ["type"] = ["\"VACATION\"", "5"], ["status"] = ["\"MAYBE\"", "true"], ["historyType"] = ["\"GIFT\"", "[]"],
        ["startDate"] = ["\"2031-13-40\"", "20310203"], ["endDate"] = ["\"2031-02-30\"", "{}"],
        ["reason"] = [$"\"{Huge}\"", "{}"], ["managerNote"] = [$"\"{Huge}\"", "1"], ["name"] = [$"\"{Huge}\"", "7"],
        ["change"] = ["1e400", "\"ten\""], ["version"] = ["99999999999", "\"v1\""], ["annualLeaveDays"] = ["1e12", "\"many\""],
    };

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path, valid) in Routes)
        {
            foreach (var broken in new[] { "{", "[]", "\"just a string\"", "{\"type\":" }) data.Add(method, path, broken);
            var fields = JsonDocument.Parse(valid).RootElement.EnumerateObject().Select(p => p.Name).ToList();
            foreach (var field in fields)
            {
                foreach (var bad in BadValues[field])
                {
                    var body = string.Join(",", fields.Select(f => f == field
                        ? $"\"{f}\":{bad}"
                        : $"\"{f}\":{JsonDocument.Parse(valid).RootElement.GetProperty(f).GetRawText()}"));
                    data.Add(method, path, "{" + body + "}");
                }
            }
            // A valid body aimed at another company's ids.
            if (path.Contains("{leaves}") || path.Contains("{company}"))
            {
                data.Add(method, path.Replace("{company}", "{foreignCompany}").Replace("{leaves}", "{foreignLeaves}"), valid);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_4xx_problem_and_changes_nothing(string method, string pathTemplate, string body)
    {
        var (team, leaveId, other) = await SharedAsync();
        var before = await StateAsync(team);

        var path = pathTemplate
            .Replace("{leaves}", team.LeavesUrl(team.AdminMembershipId))
            .Replace("{foreignLeaves}", other.LeavesUrl(other.AdminMembershipId))
            .Replace("{leave}", leaveId)
            .Replace("{company}", team.CompanyId)
            .Replace("{foreignCompany}", other.CompanyId)
            .Replace("{membership}", team.AdminMembershipId);
        var response = await team.Admin.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StateAsync(team));
    }

    public static TheoryData<string, string> NotJsonCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, _) in Routes) data.Add(method, path);
        return data;
    }

    /// <summary>A careless client sends the right body as a form or as text: a 415 problem, and nothing written.</summary>
    [Theory]
    [MemberData(nameof(NotJsonCases))]
    public async Task A_body_that_is_not_json_is_a_415_problem_and_changes_nothing(string method, string pathTemplate)
    {
        var (team, leaveId, _) = await SharedAsync();
        var before = await StateAsync(team);
        var valid = Routes.Single(r => r.Method == method && r.Path == pathTemplate).ValidBody;
        var path = pathTemplate
            .Replace("{leaves}", team.LeavesUrl(team.AdminMembershipId))
            .Replace("{leave}", leaveId)
            .Replace("{company}", team.CompanyId)
            .Replace("{membership}", team.AdminMembershipId);

        foreach (var mediaType in new[] { "text/plain", "application/x-www-form-urlencoded" })
        {
            var response = await team.Admin.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(valid, Encoding.UTF8, mediaType),
            });

            Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await StateAsync(team));
    }

    // One company with a pending leave, and another company, shared by every case: each case checks that
    // nothing changed, so one that wrongly succeeds is caught whatever ran before it.
    private static Task<(TestCompany TestCompany, string LeaveId, TestCompany Other)>? _shared;

    private Task<(TestCompany TestCompany, string LeaveId, TestCompany Other)> SharedAsync() => _shared ??= CreateSharedAsync();

    private async Task<(TestCompany TestCompany, string LeaveId, TestCompany Other)> CreateSharedAsync()
    {
        var team = await TestCompany.CreateAsync(app);
        await (await team.AnotherAdminAsync(app)).CreditAsync(team.CompanyId, team.AdminMembershipId, "PAID", 5);
        var monday = TestDates.FebruaryMondayNextYear();
        var leave = await (await team.Admin.Http.PostAsJsonAsync(team.LeavesUrl(team.AdminMembershipId),
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(1).Iso() })).Content.ReadFromJsonAsync<JsonElement>();
        return (team, leave.GetProperty("id").GetString()!, await TestCompany.CreateAsync(app));
    }

    // What a write could have changed, as the Api shows it: companies, leaves, balances and history.
    private static async Task<string> StateAsync(TestCompany team)
    {
        var http = team.Admin.Http;
        var companies = await http.GetStringAsync("/api/companies");
        var leaves = await http.GetStringAsync(team.LeavesUrl(team.AdminMembershipId));
        var balances = await http.GetStringAsync($"/api/companies/{team.CompanyId}/memberships/{team.AdminMembershipId}/leave-balances");
        var history = await http.GetStringAsync($"/api/companies/{team.CompanyId}/memberships/{team.AdminMembershipId}/leave-balance-history");
        return string.Join("\n", companies, leaves, balances, history);
    }
}
