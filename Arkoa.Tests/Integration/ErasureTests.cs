using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>GDPR erasure (DELETE /api/users/me, issue 13 point 13): what is left of the person in the company's records.</summary>
public sealed class ErasureTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task Erasure_cancels_pending_requests_with_refund_clears_history_reasons_and_notes_and_purges_every_mail_about_the_person()
    {
        var team = await CreateTeamAsync(app);
        var employee = team.Employee;
        var leaves = team.Url($"/memberships/{team.EmployeeMembershipId}/leaves");
        var paidBefore = await team.Admin.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID");

        // A credit whose reason speaks of the person, a pending paid request, a pending sick request and an approved one.
        var credit = await team.Admin.Http.PostAsJsonAsync(team.Url($"/memberships/{team.EmployeeMembershipId}/leave-balances"),
            new { type = "PAID", change = 5, reason = "Extra days after Employee User's surgery", historyType = "MANUEL_CREDIT" });
        Assert.Equal(HttpStatusCode.OK, credit.StatusCode);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 9);
        async Task<string> RequestAsync(string type, DateOnly day, string reason)
        {
            var response = await employee.Http.PostAsJsonAsync(leaves, new { type, startDate = day.Iso(), endDate = day.AddDays(1).Iso(), reason });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        var pendingPaid = await RequestAsync("PAID", monday, "Hospital appointment, private");
        var pendingSick = await RequestAsync("SICK", monday.AddDays(7), "Chemotherapy session");
        var approved = await RequestAsync("PAID", monday.AddDays(14), "Family matters");
        var review = await team.Manager.Http.PostAsJsonAsync(team.Url($"/leaves/{approved}/review"), new { status = "APPROVED", managerNote = "Take care of your family" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal(paidBefore + 5 - 4, await team.Admin.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID"));

        // Mails the Worker has not sent (sent ones keep no payload): one to the person that could not be delivered
        // (dead-lettered), and, waiting for tomorrow, a manager's mail about their request and a digest listing it; one
        // mail of someone else's waits too and must stay.
        var connection = await app.DatabaseConnectionStringAsync();
        var membership = team.EmployeeMembershipId;
        async Task<Guid> QueueAsync(string kind, string payload, bool dead = false)
        {
            var id = Guid.CreateVersion7();
            await AccountTestKit.ExecuteSqlAsync(connection, """
                INSERT INTO outbox_messages (id, kind, payload, attempts, next_attempt_at, last_error, dead_at, created_at, updated_at)
                VALUES (@id, @kind, @payload::jsonb, @attempts, now() + interval '1 day', @error, @dead, now(), now())
                """, ("id", id), ("kind", kind), ("payload", payload), ("attempts", dead ? 10 : 0),
                ("error", dead ? "mailbox full" : DBNull.Value), ("dead", dead ? DateTime.UtcNow : DBNull.Value));
            return id;
        }
        await QueueAsync("auth.verify-email", $$"""{"to":"{{employee.Email}}","name":"Employee User","token":"x","language":"fr"}""", dead: true);
        await QueueAsync("leave.submitted", $$"""{"to":"{{team.Manager.Email}}","memberName":"Employee User","membershipId":"{{membership}}","leaveType":"SICK"}""");
        await QueueAsync("leave.pending-digest", $$"""{"to":"{{team.Admin.Email}}","total":2,"leaves":[{"memberName":"Someone Else","membershipId":"{{team.ManagerMembershipId}}"},{"memberName":"Employee User","type":"SICK","membershipId":"{{membership}}"}]}""");
        var othersMail = await QueueAsync("leave.submitted", $$"""{"to":"{{team.Admin.Email}}","memberName":"Manager User","membershipId":"{{team.ManagerMembershipId}}"}""");
        // Three at least: the mails of the requests above may not all be sent yet either.
        Assert.True(await MailsNamingAsync(employee, membership) >= 3);

        var erased = await employee.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me")
        {
            Content = JsonContent.Create(new { password = employee.Password }),
        });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        // Pending requests are canceled and their days given back; the approved one stays, for the company's records.
        var after = (await team.Admin.LeavesAsync(team.CompanyId, team.EmployeeMembershipId)).ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal("CANCELED", after[pendingPaid].GetProperty("status").GetString());
        Assert.Equal("CANCELED", after[pendingSick].GetProperty("status").GetString());
        Assert.Equal("APPROVED", after[approved].GetProperty("status").GetString());
        Assert.All(after.Values, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("reason").ValueKind));
        Assert.Equal(paidBefore + 5 - 2, await team.Admin.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID"));

        // The history keeps every change and its amount, not a word of free text; it still adds up to the balance.
        var history = await team.Admin.HistoryAsync(team.CompanyId, team.EmployeeMembershipId);
        Assert.Contains(history, h => h.GetProperty("type").GetString() == "MANUEL_CREDIT" && h.GetProperty("change").GetDecimal() == 5);
        Assert.Contains(history, h => h.GetProperty("type").GetString() == "LEAVE_REFUND" && h.GetProperty("change").GetDecimal() == 2);
        Assert.All(history, h => Assert.Equal(JsonValueKind.Null, h.GetProperty("reason").ValueKind));
        Assert.Equal(0L, await AccountTestKit.ScalarAsync<long>(connection, """
            SELECT count(*) FROM leave_balances b WHERE b.membership_id = @membership
              AND b.remaining_days <> (SELECT coalesce(sum(h.change), 0) FROM leave_balance_history h WHERE h.leave_balance_id = b.id)
            """, ("membership", Guid.Parse(team.EmployeeMembershipId))));

        // The status history keeps every step, who and when, but none of the reasons and notes it copied.
        var steps = await team.Admin.Http.GetFromJsonAsync<List<JsonElement>>($"{leaves}/{pendingPaid}/history");
        Assert.Equal(["SUBMITTED", "CANCELED"], steps!.Select(s => s.GetProperty("transition").GetString()));
        Assert.Equal(0L, await AccountTestKit.ScalarAsync<long>(connection, """
            SELECT count(*) FROM leave_status_changes c JOIN leaves l ON l.id = c.leave_id
            WHERE l.membership_id = @membership AND c.note IS NOT NULL
            """, ("membership", Guid.Parse(team.EmployeeMembershipId))));

        // No mail names the person any more, waiting or dead; other people's mails are still there.
        Assert.Equal(0L, await MailsNamingAsync(employee, membership));
        Assert.Equal(1L, await AccountTestKit.ScalarAsync<long>(connection, "SELECT count(*) FROM outbox_messages WHERE id = @id", ("id", othersMail)));
        await AccountTestKit.ExecuteSqlAsync(connection, "DELETE FROM outbox_messages WHERE id = @id", ("id", othersMail));
    }

    /// <summary>Outbox rows that carry the person's address, name or membership anywhere in their payload.</summary>
    private async Task<long> MailsNamingAsync(ApiSession person, string membershipId) =>
        await AccountTestKit.ScalarAsync<long>(await app.DatabaseConnectionStringAsync(), """
            SELECT count(*) FROM outbox_messages
            WHERE payload::text ILIKE '%' || @email || '%' OR payload::text LIKE '%' || @membership || '%'
            """, ("email", person.Email), ("membership", membershipId));
}
