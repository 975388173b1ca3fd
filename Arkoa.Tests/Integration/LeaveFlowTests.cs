using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

[Trait("Category", InProcessApi.Category)]
public sealed class LeaveFlowTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task The_creator_becomes_admin_with_a_prorated_paid_balance_and_an_empty_rtt()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync(annualLeaveDays: 24);

        var companies = await user.Http.GetFromJsonAsync<JsonElement>("/api/companies");
        var company = Assert.Single(companies.GetProperty("items").EnumerateArray());
        Assert.Equal("ADMIN", company.GetProperty("userRole").GetString());
        Assert.Equal(membershipId, company.GetProperty("userMembershipId").GetString());
        Assert.Equal(1, companies.GetProperty("total").GetInt32());

        // 24 days × remaining months (this one included) / 12, rounded to the half day, in the company's zone.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
        var expected = Math.Round(24m * (13 - today.Month) / 12m * 2, MidpointRounding.AwayFromZero) / 2;
        Assert.Equal(expected, await user.BalanceAsync(companyId, membershipId, "PAID"));
        Assert.Equal(0m, await user.BalanceAsync(companyId, membershipId, "RTT"));
        var credit = Assert.Single(await user.HistoryAsync(companyId, membershipId));
        Assert.Equal("AUTO_CREDIT", credit.GetProperty("type").GetString());
        Assert.Equal(expected, credit.GetProperty("change").GetDecimal());
    }

    [Fact]
    public async Task A_five_working_day_paid_leave_deducts_exactly_five_with_one_history_row()
    {
        var user = await ApiSession.SignUpAsync(app, "Alex Dupont");
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        await (await app.AnotherAdminAsync(user, companyId)).CreditAsync(companyId, membershipId, "PAID", 10);
        var before = await user.BalanceAsync(companyId, membershipId, "PAID");
        var monday = TestDates.FebruaryMondayNextYear();

        var response = await user.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(6).Iso(), reason = "Ski" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var leave = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5m, leave.GetProperty("days").GetDecimal());
        Assert.Equal("PENDING", leave.GetProperty("status").GetString());
        Assert.Equal(before - 5m, await user.BalanceAsync(companyId, membershipId, "PAID"));

        var deductions = (await user.HistoryAsync(companyId, membershipId))
            .Where(h => h.GetProperty("type").GetString() == "LEAVE_DEDUCTION").ToList();
        var deduction = Assert.Single(deductions);
        Assert.Equal(-5m, deduction.GetProperty("change").GetDecimal());
        Assert.Equal(leave.GetProperty("id").GetString(), deduction.GetProperty("leaveId").GetString());
        Assert.Equal("Alex Dupont", deduction.GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task Half_days_at_both_ends_count_half_days()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        await (await app.AnotherAdminAsync(user, companyId)).CreditAsync(companyId, membershipId, "RTT", 5);
        var monday = TestDates.FebruaryMondayNextYear();

        var response = await user.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "RTT", startDate = monday.Iso(), endDate = monday.AddDays(2).Iso(), startHalf = "AFTERNOON", endHalf = "MORNING" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2m, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetDecimal());
        Assert.Equal(3m, await user.BalanceAsync(companyId, membershipId, "RTT"));
    }

    [Fact]
    public async Task An_insufficient_balance_is_refused_and_writes_nothing()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        await (await app.AnotherAdminAsync(user, companyId)).CreditAsync(companyId, membershipId, "RTT", 2);
        var historyBefore = (await user.HistoryAsync(companyId, membershipId)).Count;
        var monday = TestDates.FebruaryMondayNextYear();

        var response = await user.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "RTT", startDate = monday.Iso(), endDate = monday.AddDays(4).Iso() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Insufficient balance", await response.Content.ReadAsStringAsync());
        Assert.Equal(2m, await user.BalanceAsync(companyId, membershipId, "RTT"));
        Assert.Equal(historyBefore, (await user.HistoryAsync(companyId, membershipId)).Count);
        Assert.Empty(await user.LeavesAsync(companyId, membershipId));
    }

    [Fact]
    public async Task Leave_types_without_a_balance_deduct_nothing()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        var paidBefore = await user.BalanceAsync(companyId, membershipId, "PAID");
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 1);

        var response = await user.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.AddDays(1).Iso() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(paidBefore, await user.BalanceAsync(companyId, membershipId, "PAID"));
        Assert.Single(await user.HistoryAsync(companyId, membershipId)); // only the initial credit
    }

    [Fact]
    public async Task Overlapping_leaves_are_a_conflict()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 2);
        var url = $"/api/companies/{companyId}/memberships/{membershipId}/leaves";

        Assert.Equal(HttpStatusCode.Created, (await user.Http.PostAsJsonAsync(url,
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.AddDays(2).Iso(), endHalf = "MORNING" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await user.Http.PostAsJsonAsync(url,
            new { type = "UNPAID", startDate = monday.AddDays(1).Iso(), endDate = monday.AddDays(1).Iso() })).StatusCode);
        // The afternoon of the last, half-taken day is still free.
        Assert.Equal(HttpStatusCode.Created, (await user.Http.PostAsJsonAsync(url,
            new { type = "UNPAID", startDate = monday.AddDays(2).Iso(), endDate = monday.AddDays(2).Iso(), halfDayPeriod = "AFTERNOON" })).StatusCode);
    }

    [Fact]
    public async Task Parallel_requests_never_overdraw_a_balance()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync(annualLeaveDays: 0);
        await (await app.AnotherAdminAsync(user, companyId)).CreditAsync(companyId, membershipId, "RTT", 3);
        var url = $"/api/companies/{companyId}/memberships/{membershipId}/leaves";

        // Ten one-day leaves on ten different days, all at once, against a balance of three days.
        var first = TestDates.FebruaryMondayNextYear();
        var requests = Enumerable.Range(0, 10)
            .Select(i => first.AddDays(i / 5 * 7 + i % 5))
            .Select(day => user.Http.PostAsJsonAsync(url, new { type = "RTT", startDate = day.Iso(), endDate = day.Iso() }));
        var responses = await Task.WhenAll(requests);

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(0m, await user.BalanceAsync(companyId, membershipId, "RTT"));
        var deductions = (await user.HistoryAsync(companyId, membershipId)).Where(h => h.GetProperty("type").GetString() == "LEAVE_DEDUCTION");
        Assert.Equal(-3m, deductions.Sum(h => h.GetProperty("change").GetDecimal()));
    }

    [Fact]
    public async Task Another_company_is_forbidden()
    {
        var owner = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await owner.CreateCompanyAsync();
        var stranger = await ApiSession.SignUpAsync(app);
        var monday = TestDates.FebruaryMondayNextYear();

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync($"/api/companies/{companyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync($"/api/companies/{companyId}/memberships/{membershipId}/leave-balances")).StatusCode);
        var create = await stranger.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso() });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Empty(await owner.LeavesAsync(companyId, membershipId));
    }
}
