using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>SPEC §4: every transition's exact balance and history effects, its rules, and its mails.</summary>
public sealed class LeaveLifecycleTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(TestCompany TestCompany, ApiSession Member, string MembershipId, string LeaveId)> PendingPaidLeaveAsync(decimal credit = 10, int days = 5)
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", credit);
        var monday = TestDates.FebruaryMondayNextYear();
        var created = await member.Http.PostAsJsonAsync(team.LeavesUrl(membershipId),
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(days - 1).Iso() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (team, member, membershipId, (await Json(created)).GetProperty("id").GetString()!);
    }

    private static List<(string Type, decimal Change)> Effects(List<JsonElement> history) =>
        history.Where(h => h.GetProperty("type").GetString() is "LEAVE_DEDUCTION" or "LEAVE_REFUND")
            .Select(h => (h.GetProperty("type").GetString()!, h.GetProperty("change").GetDecimal()))
            .Reverse().ToList(); // oldest first

    [Fact]
    public async Task A_submitted_leave_mails_the_managers()
    {
        var (team, _, _, _) = await PendingPaidLeaveAsync();
        await app.Inbox().WaitForOneAsync(team.Admin.Email, s => s.StartsWith("Eve Employee a demandé un congé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rejecting_needs_a_note_refunds_the_days_and_mails_the_member_the_note()
    {
        var (team, member, membershipId, leaveId) = await PendingPaidLeaveAsync();

        var noNote = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "REJECTED" });
        await AuthFlowTests.Assert400WithField(noNote, "managerNote");

        var rejected = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "REJECTED", managerNote = "Busy week, sorry" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var leave = await Json(rejected);
        Assert.Equal("REJECTED", leave.GetProperty("status").GetString());
        Assert.Equal("Busy week, sorry", leave.GetProperty("managerNote").GetString());

        Assert.Equal(10m, await team.Admin.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        var history = await team.Admin.HistoryAsync(team.CompanyId, membershipId);
        Assert.Equal([("LEAVE_DEDUCTION", -5m), ("LEAVE_REFUND", 5m)], Effects(history));
        Assert.All(history.Where(h => h.GetProperty("type").GetString() == "LEAVE_REFUND"),
            h => Assert.Equal("Ada Admin", h.GetProperty("actorName").GetString()));

        var inbox = app.Inbox();
        var mail = await inbox.WaitForOneAsync(member.Email, s => s.Contains("refusé"));
        Assert.Contains("Busy week, sorry", await inbox.PlainTextAsync(mail.Id));
    }

    [Fact]
    public async Task Approving_keeps_the_deduction_and_mails_the_member()
    {
        var (team, member, membershipId, leaveId) = await PendingPaidLeaveAsync();

        var approved = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(5m, await team.Admin.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        Assert.Equal([("LEAVE_DEDUCTION", -5m)], Effects(await team.Admin.HistoryAsync(team.CompanyId, membershipId)));
        await app.Inbox().WaitForOneAsync(member.Email, s => s == "Votre congé a été accepté");
        // Reviewed once: a second review is a conflict.
        var again = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "REJECTED", managerNote = "No" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Nobody_reviews_their_own_leave_and_employees_review_nothing()
    {
        var (team, member, _, leaveId) = await PendingPaidLeaveAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" })).StatusCode);

        await (await team.AnotherAdminAsync(app)).CreditAsync(team.CompanyId, team.AdminMembershipId, "PAID", 2);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 2);
        var own = await Json(await team.Admin.Http.PostAsJsonAsync(team.LeavesUrl(team.AdminMembershipId),
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.Iso() }));
        var selfReview = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(own.GetProperty("id").GetString()!), new { status = "APPROVED" });
        Assert.Equal(HttpStatusCode.Forbidden, selfReview.StatusCode);
    }

    [Fact]
    public async Task Editing_a_pending_leave_writes_one_net_row_and_rechecks_the_balance()
    {
        var (team, member, membershipId, leaveId) = await PendingPaidLeaveAsync(credit: 6);
        var url = $"{team.LeavesUrl(membershipId)}/{leaveId}";
        var monday = TestDates.FebruaryMondayNextYear();
        var version = (await Json(await member.Http.GetAsync(team.LeavesUrl(membershipId)))).GetProperty("items")[0].GetProperty("version").GetInt32();

        var shorter = await member.Http.PatchAsJsonAsync(url, new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(2).Iso(), version });
        Assert.Equal(HttpStatusCode.OK, shorter.StatusCode);
        Assert.Equal(3m, (await Json(shorter)).GetProperty("days").GetDecimal());
        Assert.Equal(3m, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        // The version the caller saw is now stale: refused, nothing changed.
        var stale = await member.Http.PatchAsJsonAsync(url, new { type = "PAID", startDate = monday.Iso(), endDate = monday.Iso(), version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Seven days do not fit in 3 + 3: refused, nothing changed.
        var tooLong = await member.Http.PatchAsJsonAsync(url, new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(8).Iso() });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(3m, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));

        Assert.Equal([("LEAVE_DEDUCTION", -5m), ("LEAVE_REFUND", 2m)], Effects(await member.HistoryAsync(team.CompanyId, membershipId)));
    }

    [Fact]
    public async Task Editing_to_another_type_refunds_one_balance_and_deducts_the_other()
    {
        var (team, member, membershipId, leaveId) = await PendingPaidLeaveAsync(days: 2);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "RTT", 4);
        var monday = TestDates.FebruaryMondayNextYear();

        var edited = await member.Http.PatchAsJsonAsync($"{team.LeavesUrl(membershipId)}/{leaveId}",
            new { type = "RTT", startDate = monday.Iso(), endDate = monday.AddDays(1).Iso() });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(10m, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        Assert.Equal(2m, await member.BalanceAsync(team.CompanyId, membershipId, "RTT"));
    }

    [Fact]
    public async Task Only_pending_leaves_are_edited_or_deleted()
    {
        var (team, member, membershipId, leaveId) = await PendingPaidLeaveAsync();
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" })).StatusCode);
        var monday = TestDates.FebruaryMondayNextYear();
        var url = $"{team.LeavesUrl(membershipId)}/{leaveId}";

        Assert.Equal(HttpStatusCode.Conflict, (await member.Http.PatchAsJsonAsync(url, new { type = "PAID", startDate = monday.Iso(), endDate = monday.Iso() })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await member.Http.DeleteAsync(url)).StatusCode);
        Assert.Equal(5m, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));
    }

    [Fact]
    public async Task Deleting_a_pending_leave_refunds_it_and_keeps_the_history()
    {
        var (team, member, membershipId, leaveId) = await PendingPaidLeaveAsync();

        var deleted = await member.Http.DeleteAsync($"{team.LeavesUrl(membershipId)}/{leaveId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await member.LeavesAsync(team.CompanyId, membershipId));
        Assert.Equal(10m, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        Assert.Equal([("LEAVE_DEDUCTION", -5m), ("LEAVE_REFUND", 5m)], Effects(await member.HistoryAsync(team.CompanyId, membershipId)));
    }

    [Fact]
    public async Task Owners_cancel_pending_leaves_and_managers_cancel_future_approved_ones()
    {
        var (team, member, membershipId, leaveId) = await PendingPaidLeaveAsync();
        var cancelUrl = $"{team.LeavesUrl(membershipId)}/{leaveId}/cancel";
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.PostAsync(cancelUrl, null)).StatusCode);
        var canceled = await team.Admin.Http.PostAsync(cancelUrl, null);

        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        Assert.Equal("CANCELED", (await Json(canceled)).GetProperty("status").GetString());
        Assert.Equal(10m, await member.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        await app.Inbox().WaitForOneAsync(member.Email, s => s == "Votre congé a été annulé");
        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.Http.PostAsync(cancelUrl, null)).StatusCode);
    }

    [Fact]
    public async Task Parallel_approve_and_reject_of_one_leave_let_exactly_one_win()
    {
        var team = await TestCompany.CreateAsync(app);
        var (manager, _) = await team.AddMemberAsync(app, "MANAGER", "Max Manager");
        var (_, membershipId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 3);
        var monday = TestDates.FebruaryMondayNextYear();
        var leave = await Json(await team.Admin.Http.PostAsJsonAsync(team.LeavesUrl(membershipId),
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(2).Iso() }));
        var url = team.ReviewUrl(leave.GetProperty("id").GetString()!);

        var responses = await Task.WhenAll(
            team.Admin.Http.PostAsJsonAsync(url, new { status = "APPROVED" }),
            manager.Http.PostAsJsonAsync(url, new { status = "REJECTED", managerNote = "No" }),
            team.Admin.Http.PostAsJsonAsync(url, new { status = "REJECTED", managerNote = "Nope" }),
            manager.Http.PostAsJsonAsync(url, new { status = "APPROVED" }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = await Json(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        var expected = winner.GetProperty("status").GetString() == "APPROVED" ? 0m : 3m;
        Assert.Equal(expected, await team.Admin.BalanceAsync(team.CompanyId, membershipId, "PAID"));
    }

    [Fact]
    public async Task Fifty_parallel_requests_never_take_a_balance_below_zero()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 12.5m);
        // Fifty one-day leaves on fifty different working days of February–April next year, all at once.
        var days = Enumerable.Range(0, 10).SelectMany(week => Enumerable.Range(0, 5)
            .Select(d => TestDates.FebruaryMondayNextYear(week).AddDays(d))).ToList();
        var halfDay = days[0];

        var responses = await Task.WhenAll(days.Select(day => member.Http.PostAsJsonAsync(team.LeavesUrl(membershipId),
            day == halfDay
                ? new { type = "PAID", startDate = day.Iso(), endDate = day.Iso(), halfDayPeriod = (string?)"MORNING" }
                : new { type = "PAID", startDate = day.Iso(), endDate = day.Iso(), halfDayPeriod = (string?)null })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.BadRequest }));
        var accepted = (await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(Json)))
            .Sum(l => l.GetProperty("days").GetDecimal());
        var remaining = await member.BalanceAsync(team.CompanyId, membershipId, "PAID");
        Assert.True(remaining >= 0);
        Assert.Equal(12.5m, accepted + remaining);
        var deducted = Effects(await member.HistoryAsync(team.CompanyId, membershipId)).Sum(e => e.Change);
        Assert.Equal(-accepted, deducted);
        Assert.True(remaining < 1m, $"The balance should be used up to the last day, {remaining} left.");
    }

    [Theory]
    [InlineData("2026-04-06", "2026-04-10", null, null, 4.0)]          // Easter Monday 2026
    [InlineData("2026-07-13", "2026-07-17", null, null, 4.0)]          // 14 July 2026
    [InlineData("2026-07-13", "2026-07-17", "AFTERNOON", "MORNING", 3.0)]
    [InlineData("2026-05-13", "2026-05-15", "AFTERNOON", null, 1.5)]   // Ascension Thursday in the middle
    public async Task Days_are_counted_through_the_api(string start, string end, string? startHalf, string? endHalf, double expected)
    {
        var team = await TestCompany.CreateAsync(app);
        // A manager may backfill a past leave; UNPAID needs no balance.
        var response = await team.Admin.Http.PostAsJsonAsync(team.LeavesUrl(team.AdminMembershipId),
            new { type = "UNPAID", startDate = start, endDate = end, startHalf, endHalf });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((decimal)expected, (await Json(response)).GetProperty("days").GetDecimal());
    }

    [Fact]
    public async Task Employees_cannot_backfill_past_leaves()
    {
        var team = await TestCompany.CreateAsync(app);
        var (member, membershipId) = await team.AddMemberAsync(app);
        var response = await member.Http.PostAsJsonAsync(team.LeavesUrl(membershipId),
            new { type = "SICK", startDate = "2026-01-05", endDate = "2026-01-06" });
        await AuthFlowTests.Assert400WithField(response, "startDate");
    }
}
