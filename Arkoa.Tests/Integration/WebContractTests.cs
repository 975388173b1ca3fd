extern alias ArkoaWeb;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Web = ArkoaWeb::Arkoa.Web.Api;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Web's wire records against the Api's real answers (issue 15 §4: contracts that cannot drift). The Web reads a
/// subset of each answer on purpose, so extra fields are fine; but every field a Web record expects must be in the
/// answer under its JSON name — a field renamed or dropped on one side would otherwise reach the pages as an empty value
/// without any error. A field the record allows to be absent must still be in at least one answer.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class WebContractTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private readonly Dictionary<(Type, string), bool> _seen = [];

    [Fact]
    public async Task Every_field_the_web_reads_is_in_the_api_answer_it_reads_it_from()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 2);
        var leaves = team.LeavesUrl(team.EmployeeMembershipId);
        // One leave pending, one approved (with a reviewer): the lists then carry every field the Web reads.
        await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", monday, monday.AddDays(1));
        var approved = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", monday.AddDays(7), monday.AddDays(7));
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.PostAsJsonAsync(team.ReviewUrl(approved), new { status = "APPROVED", managerNote = "Fine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.Admin.Http.PostAsJsonAsync(team.Url("/holidays"), new { date = monday.AddDays(3).Iso(), name = "Company day" })).StatusCode);
        var invited = ApiSession.UniqueEmail("invited");
        Assert.Equal(HttpStatusCode.Accepted, (await team.Admin.Http.PostAsJsonAsync(team.Url("/memberships"), new { email = invited, role = "EMPLOYEE" })).StatusCode);
        var invitation = await AccountTestKit.KnownInvitationTokenAsync(await app.DatabaseConnectionStringAsync(), team.CompanyId, invited);

        var manager = team.Manager.Http;
        await CheckAsync<Web.PagedList<Web.Leave>>(manager, $"{leaves}?page=1&pageSize=20");
        await CheckAsync<IReadOnlyList<Web.LeaveBalance>>(manager, team.Url($"/memberships/{team.EmployeeMembershipId}/leave-balances"));
        await CheckAsync<Web.DayCount>(manager, team.Url($"/leaves/day-count?startDate={monday.Iso()}&endDate={monday.AddDays(4).Iso()}&type=PAID"));
        await CheckAsync<Web.PagedList<Web.CompanyLeave>>(manager, team.Url("/leaves?page=1&pageSize=20"));
        await CheckAsync<Web.PagedList<Web.CompanyLeave>>(manager, team.Url("/leaves?status=PENDING&page=1&pageSize=20"));
        await CheckAsync<Web.MonthCalendar>(manager, team.Url($"/calendar?year={monday.Year}&month={monday.Month}"));
        await CheckAsync<Web.CompanyStats>(manager, team.Url("/stats"));
        await CheckAsync<Web.LeaveStats>(manager, team.Url("/leaves/stats"));
        await CheckAsync<Web.PagedList<Web.TeamMember>>(manager, team.Url("/memberships?page=1&pageSize=200"));
        // The calendar reads the list as colleagues whoever asks: whole memberships for managers, names and roles for others.
        await CheckAsync<Web.PagedList<Web.Colleague>>(manager, team.Url("/memberships?page=1&pageSize=200"));
        await CheckAsync<Web.PagedList<Web.Colleague>>(team.Employee.Http, team.Url("/memberships?page=1&pageSize=200"));
        await CheckAsync<Web.TeamMember>(manager, team.Url($"/memberships/{team.EmployeeMembershipId}"));
        await CheckAsync<Web.PagedList<Web.SentInvitation>>(team.Admin.Http, team.Url("/invitations?page=1&pageSize=200"));
        await CheckAsync<Web.InvitationPreview>(team.Employee.Http, $"/api/invitations/{Uri.EscapeDataString(invitation)}");
        await CheckAsync<Web.PagedList<Web.BalanceHistoryEntry>>(manager, team.Url($"/memberships/{team.EmployeeMembershipId}/leave-balance-history?page=1&pageSize=20"));
        await CheckAsync<Web.SessionUser>(manager, "/api/auth/session");
        await CheckAsync<IReadOnlyList<Web.AccountSession>>(manager, "/api/auth/sessions");
        await CheckAsync<Web.CalendarLink>(team.Employee.Http, $"/api/users/me/calendar-link?companyId={team.CompanyId}");
        await CheckAsync<Web.PagedList<Web.CompanyHoliday>>(team.Admin.Http, team.Url("/holidays?page=1&pageSize=200"));
        await CheckAsync<Web.PagedList<Web.Company>>(manager, "/api/companies?page=1&pageSize=50");
        await CheckAsync<Web.Company>(manager, team.Url());

        var neverSeen = _seen.Where(s => !s.Value).Select(s => $"{s.Key.Item1.Name}.{s.Key.Item2}").ToList();
        Assert.True(neverSeen.Count == 0, $"Fields the Web reads that no Api answer carried: {string.Join(", ", neverSeen)}");
    }

    private async Task CheckAsync<T>(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        var missing = new List<string>();
        Walk(typeof(T), await response.Content.ReadFromJsonAsync<JsonElement>(), typeof(T).Name, missing);
        Assert.True(missing.Count == 0, $"GET {url} lacks what the Web's {Describe(typeof(T))} reads: {string.Join(", ", missing)}");
    }

    /// <summary>Compares one JSON value with the Web type that reads it, recording each record field seen or missing.</summary>
    private void Walk(Type type, JsonElement json, string path, List<string> missing)
    {
        if (ElementOfList(type) is { } element)
        {
            if (json.ValueKind != JsonValueKind.Array) { missing.Add($"{path} (not an array)"); return; }
            foreach (var item in json.EnumerateArray()) Walk(element, item, $"{path}[]", missing);
            return;
        }
        if (!IsWebRecord(type) || json.ValueKind != JsonValueKind.Object) return;

        var nullability = new NullabilityInfoContext();
        foreach (var parameter in type.GetConstructors().MaxBy(c => c.GetParameters().Length)!.GetParameters())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            var key = (type, parameter.Name!);
            _seen.TryAdd(key, false);
            if (json.TryGetProperty(name, out var value))
            {
                _seen[key] = true;
                Walk(parameter.ParameterType, value, $"{path}.{name}", missing);
            }
            else if (nullability.Create(parameter).WriteState != NullabilityState.Nullable && Nullable.GetUnderlyingType(parameter.ParameterType) is null)
            {
                missing.Add($"{path}.{name}");
            }
        }
    }

    private static bool IsWebRecord(Type type) => type.Namespace == typeof(Web.Leave).Namespace && type.GetMethod("<Clone>$") is not null;

    private static Type? ElementOfList(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var definition
          && (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>)) ? type.GetGenericArguments()[0]
        : null;

    private static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;
}
