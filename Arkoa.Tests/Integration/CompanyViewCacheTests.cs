using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The calendar and the company stats are cached per company data version (docs/performance.md): a read made after
/// any write has answered must show that write — leaves, reviews, cancellations, balances, holidays, names, members.
/// </summary>
public sealed class CompanyViewCacheTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task Calendar_and_stats_read_right_after_each_write_show_it()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app, name: "Cal Cached");
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 10);
        var day = TestDates.FebruaryMondayNextYear();
        var calendar = $"/api/companies/{team.CompanyId}/calendar?year={day.Year}&month={day.Month}";
        var stats = $"/api/companies/{team.CompanyId}/stats";

        // Both views are read (and cached) before every change below.
        Assert.Empty(await LeavesAsync(member, calendar));
        await AssertStatsAsync(team, stats, employees: 2, pending: 0, average: 5.0m);

        var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", day, day.AddDays(1));
        Assert.Equal("PENDING", Single(await LeavesAsync(member, calendar), leaveId).GetProperty("status").GetString());
        await AssertStatsAsync(team, stats, employees: 2, pending: 1, average: 4.0m);
        Assert.Equal(8m, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        var review = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal("APPROVED", Single(await LeavesAsync(member, calendar), leaveId).GetProperty("status").GetString());
        await AssertStatsAsync(team, stats, employees: 2, pending: 0, average: 4.0m);

        Assert.Equal(HttpStatusCode.OK, (await member.PatchAsync("/api/users/me", new { name = "Cal Renamed" })).StatusCode);
        Assert.Equal("Cal Renamed", Single(await LeavesAsync(member, calendar), leaveId).GetProperty("memberName").GetString());

        var holiday = await team.Admin.Http.PostAsJsonAsync($"/api/companies/{team.CompanyId}/holidays",
            new { date = day.AddDays(7).Iso(), name = "Team day" });
        Assert.Equal(HttpStatusCode.Created, holiday.StatusCode);
        var holidays = (await member.GetJsonAsync(calendar)).GetProperty("holidays").EnumerateArray();
        Assert.Contains(holidays, h => h.GetProperty("name").GetString() == "Team day" && h.GetProperty("date").GetString() == day.AddDays(7).Iso());

        var cancel = await team.Admin.Http.PostAsJsonAsync($"{team.LeavesUrl(membershipId)}/{leaveId}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Empty(await LeavesAsync(member, calendar));
        await AssertStatsAsync(team, stats, employees: 2, pending: 0, average: 5.0m);
        Assert.Equal(10m, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 4);
        await AssertStatsAsync(team, stats, employees: 2, pending: 0, average: 7.0m);

        var deactivate = await team.Admin.PatchAsync($"/api/companies/{team.CompanyId}/memberships/{membershipId}", new { active = false });
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        await AssertStatsAsync(team, stats, employees: 1, pending: 0, average: 0.0m);
    }

    [Fact]
    public async Task A_change_made_directly_in_the_database_also_refreshes_the_views()
    {
        // What the Worker's balance jobs do: they write balances without going through the Api.
        var team = await TestCompany.CreateAsync(app);
        var stats = $"/api/companies/{team.CompanyId}/stats";
        await AssertStatsAsync(team, stats, employees: 1, pending: 0, average: 0.0m);

        // With its ledger entry, as the database requires of any balance change since the ledger (issue 15 §2).
        await app.SetBalanceAsync(team.AdminMembershipId, "PAID", 12);
        await AssertStatsAsync(team, stats, employees: 1, pending: 0, average: 12.0m);
    }

    private static async Task<List<JsonElement>> LeavesAsync(ApiSession session, string calendar) =>
        (await session.GetJsonAsync(calendar)).GetProperty("leaves").EnumerateArray().ToList();

    private static JsonElement Single(List<JsonElement> leaves, string leaveId) =>
        Assert.Single(leaves, l => l.GetProperty("id").GetString() == leaveId);

    private static async Task AssertStatsAsync(TestCompany team, string url, int employees, int pending, decimal average)
    {
        var stats = await team.Admin.GetJsonAsync(url);
        Assert.Equal(employees, stats.GetProperty("totalEmployees").GetInt32());
        Assert.Equal(pending, stats.GetProperty("pendingRequests").GetInt32());
        Assert.Equal(average, stats.GetProperty("averageLeaveBalance").GetDecimal());
    }
}
