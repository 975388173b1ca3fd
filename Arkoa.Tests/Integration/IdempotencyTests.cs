using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Idempotency-Key header on every write (issue 18): a repeat replays the first answer without the work, the same
/// key with another request is a 422, concurrent requests with one key have one effect, keys last 24 hours.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class IdempotencyTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static HttpRequestMessage Post(string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static object Leave(DateOnly day) => new { type = "PAID", startDate = day.Iso(), endDate = day.Iso() };

    private async Task<long> LeaveCountAsync(string membershipId) =>
        await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM leaves WHERE membership_id = $1::uuid", membershipId);

    [Fact]
    public async Task A_repeat_with_the_same_key_replays_the_first_answer_without_doing_the_work_again()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var url = team.LeavesUrl(team.EmployeeMembershipId);
        var before = await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID");
        var key = Guid.NewGuid().ToString();

        var first = await team.Employee.Http.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear()), key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        var again = await team.Employee.Http.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear()), key));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, again.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());

        Assert.Equal(1, await LeaveCountAsync(team.EmployeeMembershipId));
        Assert.Equal(before - 1, await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID"));
        // Without a key, or with another, the same body is a new request (here: an overlap, refused by the rules).
        Assert.Equal(HttpStatusCode.Conflict, (await team.Employee.Http.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear()), null))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Employee.Http.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear()), key + "-2"))).StatusCode);
    }

    [Fact]
    public async Task The_same_key_with_another_body_path_or_method_is_a_422_and_changes_nothing()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var url = team.LeavesUrl(team.EmployeeMembershipId);
        var key = "batch-7:" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await team.Employee.Http.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear()), key))).StatusCode);

        var otherBody = await team.Employee.Http.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear(1)), key));
        await otherBody.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        var otherPath = await team.Employee.Http.SendAsync(Post(url + "?x=1", Leave(TestDates.FebruaryMondayNextYear()), key));
        await otherPath.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(1, await LeaveCountAsync(team.EmployeeMembershipId));

        // Keys are the caller's own: another person may use the same one.
        var (other, otherMembership) = await team.AddMemberAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await other.Http.SendAsync(Post(team.LeavesUrl(otherMembership), Leave(TestDates.FebruaryMondayNextYear()), key))).StatusCode);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_leave_and_deduct_the_balance_once()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var url = team.LeavesUrl(team.EmployeeMembershipId);
        var before = await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID");
        var key = Guid.NewGuid().ToString();
        // A token and the session of one person share their keys: the caller is the person.
        var token = await team.Employee.CreateTokenAsync(app, team.CompanyId, "write");

        using var start = new SemaphoreSlim(0);
        var sends = Enumerable.Range(0, 12).Select(async i =>
        {
            await start.WaitAsync();
            var client = i % 2 == 0 ? team.Employee.Http : token.Http;
            return await client.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear(2)), key));
        }).ToList();
        start.Release(sends.Count);
        var answers = await Task.WhenAll(sends);

        var statuses = answers.Select(a => a.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains("Idempotent-Replayed")));
        foreach (var busy in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            await busy.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency-key-in-progress");
        }
        Assert.Equal(1, await LeaveCountAsync(team.EmployeeMembershipId));
        Assert.Equal(before - 1, await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID"));
        var deductions = await CompanyTestKit.ScalarAsync(app,
            "SELECT count(*) FROM leave_balance_history h JOIN leave_balances b ON b.id = h.leave_balance_id WHERE b.membership_id = $1::uuid AND h.change < 0",
            team.EmployeeMembershipId);
        Assert.Equal(1, deductions);
    }

    [Fact]
    public async Task A_key_older_than_24_hours_is_forgotten_and_the_request_runs_again()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var key = Guid.NewGuid().ToString();
        var url = team.LeavesUrl(team.EmployeeMembershipId);
        var first = await team.Employee.Http.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear(3)), key));
        var leaveId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await team.Employee.Http.PostAsJsonAsync($"{url}/{leaveId}/cancel", new { })).StatusCode);

        await CompanyTestKit.ScalarAsync(app,
            "UPDATE idempotency_records SET created_at = created_at - interval '24 hours', expires_at = expires_at - interval '24 hours' WHERE key = $1 RETURNING 1", key);
        var later = await team.Employee.Http.SendAsync(Post(url, Leave(TestDates.FebruaryMondayNextYear(3)), key));
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.False(later.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await LeaveCountAsync(team.EmployeeMembershipId));
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM idempotency_records WHERE key = $1", key));
    }

    [Theory]
    [InlineData("two,keys")]
    [InlineData("has space")]
    [InlineData("slash/key")]
    [InlineData("ключ")]
    [InlineData("x129")]
    public async Task A_malformed_key_is_a_400_naming_the_header_and_nothing_runs(string key)
    {
        if (key == "x129") key = new string('k', 129);
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var request = Post(team.LeavesUrl(team.EmployeeMembershipId), Leave(TestDates.FebruaryMondayNextYear()), null);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(key)));
        var problem = await (await team.Employee.Http.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-idempotency-key");
        Assert.True(problem.GetProperty("errors").TryGetProperty("idempotency-key", out _), problem.ToString());
        Assert.Equal("invalid-idempotency-key", problem.GetProperty("errorCodes").GetProperty("idempotency-key")[0].GetString());
        Assert.Equal(0, await LeaveCountAsync(team.EmployeeMembershipId));
    }

    [Fact]
    public async Task A_refusal_is_replayed_too_and_a_secret_shown_once_is_never_stored()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var key = Guid.NewGuid().ToString();
        var tooLong = new { type = "PAID", startDate = TestDates.FebruaryMondayNextYear().Iso(), endDate = TestDates.FebruaryMondayNextYear(20).Iso() };
        var first = await team.Employee.Http.SendAsync(Post(team.LeavesUrl(team.EmployeeMembershipId), tooLong, key));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var again = await team.Employee.Http.SendAsync(Post(team.LeavesUrl(team.EmployeeMembershipId), tooLong, key));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());

        var tokenKey = Guid.NewGuid().ToString();
        var body = new { companyId = team.CompanyId, name = "CI", scopes = new[] { "read" } };
        var created = await team.Employee.Http.SendAsync(Post(ApiTokenKit.Url, body, tokenKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM idempotency_records WHERE key = $1", tokenKey));
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app,
            "SELECT count(*) FROM idempotency_records WHERE position(convert_to($1, 'UTF8') in coalesce(body, ''::bytea)) > 0", secret));
    }
}
