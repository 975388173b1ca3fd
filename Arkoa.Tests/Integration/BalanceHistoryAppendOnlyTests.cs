using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Balance history is append-only (SPEC §2, issue 13 point 19): deleting a leave keeps the row its history names, and
/// the database itself refuses to rewrite or delete history, except clearing a reason (erasure) and deleting a company.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class BalanceHistoryAppendOnlyTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task Deleting_a_leave_keeps_its_row_hidden_everywhere_and_its_history_keeps_naming_it()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 10);
        var before = await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID");
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", monday, monday.AddDays(1));
        var url = $"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves/{leaveId}";

        Assert.Equal(HttpStatusCode.NoContent, (await team.Employee.Http.DeleteAsync(url)).StatusCode);

        // The deduction and the refund both still name the leave, and the days are back.
        var naming = (await team.Employee.HistoryAsync(team.CompanyId, team.EmployeeMembershipId))
            .Where(h => h.GetProperty("leaveId").ValueKind == JsonValueKind.String && h.GetProperty("leaveId").GetString() == leaveId)
            .Select(h => (h.GetProperty("type").GetString(), h.GetProperty("change").GetDecimal()))
            .OrderBy(h => h.Item2).ToList();
        Assert.Equal([("LEAVE_DEDUCTION", -2m), ("LEAVE_REFUND", 2m)], naming);
        Assert.Equal(before, await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID"));
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM leaves WHERE id = $1 AND deleted_at IS NOT NULL", Guid.Parse(leaveId)));

        // Hidden from every list, view and statistic.
        Assert.Empty(await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));
        Assert.Empty((await team.Admin.GetJsonAsync(team.Url("/leaves"))).ItemIds());
        var calendar = await team.Employee.GetJsonAsync(team.Url($"/calendar?year={monday.Year}&month=2"));
        Assert.Empty(calendar.GetProperty("leaves").EnumerateArray());
        Assert.Equal(0, (await team.Admin.GetJsonAsync(team.Url("/leaves/stats"))).GetProperty("totalLeaves").GetInt32());
        Assert.Equal(0, (await team.Admin.GetJsonAsync(team.Url("/stats"))).GetProperty("pendingRequests").GetInt32());

        // And from every action: it is not there any more.
        Assert.Equal(HttpStatusCode.NotFound, (await team.Employee.Http.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Employee.Http.PostAsync($"{url}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Employee.Http.PatchAsJsonAsync(url,
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.Iso() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.Http.PostAsJsonAsync(team.Url($"/leaves/{leaveId}/review"),
            new { status = "APPROVED" })).StatusCode);
        // The days it took are free again for a new request.
        await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", monday, monday.AddDays(1));
    }

    [Fact]
    public async Task The_database_refuses_to_rewrite_or_delete_history_and_the_rows_it_names()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 3);
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = Guid.Parse(await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", monday, monday));
        var membershipId = Guid.Parse(team.EmployeeMembershipId);
        var historyId = await AccountTestKit.ScalarAsync<Guid>(await app.DatabaseConnectionStringAsync(),
            "SELECT id FROM leave_balance_history WHERE leave_id = @leave", ("leave", leaveId));
        var history = await team.Employee.HistoryAsync(team.CompanyId, team.EmployeeMembershipId);

        string[] refused =
        [
            "UPDATE leave_balance_history SET change = change - 1 WHERE id = @id",
            "UPDATE leave_balance_history SET reason = 'Rewritten' WHERE id = @id",
            "UPDATE leave_balance_history SET leave_id = NULL WHERE id = @id",
            "UPDATE leave_balance_history SET reason = NULL, actor_id = NULL WHERE id = @id",
            // Its facts (what the entry is about, outside the ledger hash) are the row's too, even beside an erasure.
            "UPDATE leave_balance_history SET facts = NULL WHERE id = @id",
            "UPDATE leave_balance_history SET reason = NULL, facts = jsonb_set(facts, '{leave,days}', '0') WHERE id = @id",
            "DELETE FROM leave_balance_history WHERE id = @id",
            "DELETE FROM leave_balances WHERE membership_id = @membership",
            "DELETE FROM leaves WHERE id = @leave",
            "DELETE FROM memberships WHERE id = @membership",
        ];
        foreach (var sql in refused)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql, historyId, leaveId, membershipId));
            Assert.True(error.SqlState == PostgresErrorCodes.RestrictViolation, $"{sql}: {error.SqlState} {error.MessageText}");
        }
        Assert.Equal(history.Select(h => h.GetRawText()), (await team.Employee.HistoryAsync(team.CompanyId, team.EmployeeMembershipId)).Select(h => h.GetRawText()));

        // The one change allowed: erasing a person clears the free text of a row, nothing else.
        Assert.Equal(1, await ExecuteAsync("UPDATE leave_balance_history SET reason = NULL WHERE id = @id", historyId, leaveId, membershipId));
        var erased = (await team.Employee.HistoryAsync(team.CompanyId, team.EmployeeMembershipId))
            .Single(h => h.GetProperty("id").GetString() == historyId.ToString());
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("reason").ValueKind);
        Assert.Equal(-1m, erased.GetProperty("change").GetDecimal());
    }

    [Fact]
    public async Task The_database_refuses_to_rewrite_or_delete_a_leave_s_status_history()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var monday = TestDates.FebruaryMondayNextYear();
        var response = await team.Employee.Http.PostAsJsonAsync($"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves",
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso(), reason = "Dentist" });
        var leaveId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        var stepId = await AccountTestKit.ScalarAsync<Guid>(await app.DatabaseConnectionStringAsync(),
            "SELECT id FROM leave_status_changes WHERE leave_id = @leave", ("leave", leaveId));
        var membershipId = Guid.Parse(team.EmployeeMembershipId);
        var steps = await team.Employee.Http.GetStringAsync($"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves/{leaveId}/history");

        string[] refused =
        [
            "UPDATE leave_status_changes SET to_status = 'APPROVED' WHERE id = @id",
            "UPDATE leave_status_changes SET note = 'Rewritten' WHERE id = @id",
            "UPDATE leave_status_changes SET created_at = created_at - interval '1 day' WHERE id = @id",
            "UPDATE leave_status_changes SET actor_id = @membership WHERE id = @id",
            "DELETE FROM leave_status_changes WHERE id = @id",
        ];
        foreach (var sql in refused)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql, stepId, leaveId, membershipId));
            Assert.True(error.SqlState == PostgresErrorCodes.RestrictViolation, $"{sql}: {error.SqlState} {error.MessageText}");
        }
        Assert.Equal(steps, await team.Employee.Http.GetStringAsync($"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves/{leaveId}/history"));

        // What erasure does is allowed: the note is cleared, nothing else changes.
        Assert.Equal(1, await ExecuteAsync("UPDATE leave_status_changes SET note = NULL, actor_id = NULL WHERE id = @id", stepId, leaveId, membershipId));
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app,
            "SELECT count(*) FROM leave_status_changes WHERE id = $1 AND note IS NULL AND to_status = 'PENDING'", stepId));
    }

    [Fact]
    public async Task Deleting_a_company_still_deletes_its_leaves_balances_and_history()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 5);
        var monday = TestDates.FebruaryMondayNextYear();
        var kept = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", monday, monday);
        var deleted = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", monday.AddDays(1), monday.AddDays(1));
        Assert.Equal(HttpStatusCode.NoContent,
            (await team.Employee.Http.DeleteAsync($"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves/{deleted}")).StatusCode);
        var company = Guid.Parse(team.CompanyId);
        Assert.True(await CompanyTestKit.ScalarAsync(app, HistoryOfCompany, company) >= 4);

        Assert.Equal(HttpStatusCode.NoContent, (await team.Admin.Http.DeleteAsync(team.Url())).StatusCode);

        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM memberships WHERE company_id = $1", company));
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM leaves WHERE id = ANY($1)", new[] { Guid.Parse(kept), Guid.Parse(deleted) }));
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app,
            "SELECT count(*) FROM leave_balance_history WHERE leave_id = ANY($1)", new[] { Guid.Parse(kept), Guid.Parse(deleted) }));
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app,
            "SELECT count(*) FROM leave_status_changes WHERE leave_id = ANY($1)", new[] { Guid.Parse(kept), Guid.Parse(deleted) }));
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app,
            "SELECT count(*) FROM leave_balance_history h WHERE NOT EXISTS (SELECT 1 FROM leave_balances b WHERE b.id = h.leave_balance_id)"));
    }

    [Fact]
    public async Task Erasing_a_person_clears_the_reason_of_a_leave_they_deleted_too()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var monday = TestDates.FebruaryMondayNextYear();
        var response = await team.Employee.Http.PostAsJsonAsync($"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves",
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso(), reason = "Hospital appointment" });
        var leaveId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent,
            (await team.Employee.Http.DeleteAsync($"/api/companies/{team.CompanyId}/memberships/{team.EmployeeMembershipId}/leaves/{leaveId}")).StatusCode);

        var erased = await team.Employee.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me")
        {
            Content = JsonContent.Create(new { password = team.Employee.Password }),
        });

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM leaves WHERE id = $1 AND reason IS NULL", Guid.Parse(leaveId)));
    }

    private const string HistoryOfCompany = """
        SELECT count(*) FROM leave_balance_history h
        JOIN leave_balances b ON b.id = h.leave_balance_id JOIN memberships m ON m.id = b.membership_id
        WHERE m.company_id = $1
        """;

    private async Task<int> ExecuteAsync(string sql, Guid historyId, Guid leaveId, Guid membershipId) =>
        await AccountTestKit.ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(), sql,
            ("id", historyId), ("leave", leaveId), ("membership", membershipId));
}
