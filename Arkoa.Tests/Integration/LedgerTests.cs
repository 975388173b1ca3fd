using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arkoa.Tests.Operations;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The balance ledger is the source of truth (SPEC §2, issue 15 §2): the database keeps every balance equal to the sum
/// of its entries and chains each member's entries by hash; the verify endpoint, the Worker's check and the offline
/// verifier find any later edit of the table.
/// </summary>
public sealed class LedgerTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    private readonly WorkerOps _ops = new(app);

    [Fact]
    public async Task A_balance_written_without_its_entry_or_an_entry_without_its_balance_is_refused_at_commit()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 4);
        var before = await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID");
        var membership = Guid.Parse(team.EmployeeMembershipId);

        string[] refused =
        [
            "UPDATE leave_balances SET remaining_days = remaining_days + 1 WHERE membership_id = @membership AND type = 'PAID'",
            """
            INSERT INTO leave_balance_history (id, created_at, updated_at, leave_balance_id, change, reason, type)
            SELECT gen_random_uuid(), now(), now(), id, 1, 'No balance change', 'MANUEL_CREDIT'
            FROM leave_balances WHERE membership_id = @membership AND type = 'PAID'
            """,
        ];
        foreach (var sql in refused)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => AsAppAsync(sql, membership));
            Assert.True(error.SqlState == PostgresErrorCodes.CheckViolation, $"{sql}: {error.SqlState} {error.MessageText}");
        }
        Assert.Equal(before, await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID"));

        // The same change with its entry commits, and the entry is chained by the database.
        await app.SetBalanceAsync(team.EmployeeMembershipId, "PAID", before + 1);
        Assert.Equal(before + 1, await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "PAID"));
        Assert.True((await VerifyAsync(team.Admin, team.CompanyId)).GetProperty("holds").GetBoolean());
    }

    [Fact]
    public async Task Every_writer_leaves_chains_that_verify_and_erasure_keeps_them_whole()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var employee = team.EmployeeMembershipId;
        await team.Admin.CreditAsync(team.CompanyId, employee, "PAID", 6);
        await team.Admin.CreditAsync(team.CompanyId, employee, "RTT", 2.5m);
        var monday = TestDates.FebruaryMondayNextYear();
        var approved = await team.Employee.CreateLeaveAsync(team.CompanyId, employee, "PAID", monday, monday.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.PostAsJsonAsync(team.Url($"/leaves/{approved}/review"), new { status = "APPROVED" })).StatusCode);
        var rejected = await team.Employee.CreateLeaveAsync(team.CompanyId, employee, "RTT", monday.AddDays(7), monday.AddDays(7));
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.PostAsJsonAsync(team.Url($"/leaves/{rejected}/review"), new { status = "REJECTED", managerNote = "Too many away that week" })).StatusCode);
        var deleted = await team.Employee.CreateLeaveAsync(team.CompanyId, employee, "PAID", monday.AddDays(14), monday.AddDays(14));
        Assert.Equal(HttpStatusCode.NoContent, (await team.Employee.Http.DeleteAsync(team.Url($"/memberships/{employee}/leaves/{deleted}"))).StatusCode);
        await team.Employee.CreateLeaveAsync(team.CompanyId, employee, "PAID", monday.AddDays(21), monday.AddDays(21)); // pending, refunded by the erasure
        var nextYear = monday.Year;
        Assert.Equal("Done", (await _ops.RunAsync("yearly-credit", team.CompanyId, new DateOnly(nextYear, 1, 1))).GetProperty("status").GetString());
        Assert.Equal("Done", (await _ops.RunAsync("carry-over-expiry", team.CompanyId, new DateOnly(nextYear, 12, 31))).GetProperty("status").GetString());

        var erased = await team.Employee.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me")
        {
            Content = JsonContent.Create(new { password = team.Employee.Password }),
        });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        var entries = await CompanyTestKit.ScalarAsync(app, HistoryOfCompany, Guid.Parse(team.CompanyId));
        var report = await VerifyAsync(team.Manager, team.CompanyId);
        Assert.True(report.GetProperty("holds").GetBoolean(), report.GetRawText());
        Assert.Equal(3, report.GetProperty("members").GetInt32());
        Assert.Equal(entries, report.GetProperty("entries").GetInt64());
        Assert.Empty(report.GetProperty("breaks").EnumerateArray());
        // Each member's entries are numbered 1…n without a gap, and each names the hash of the one before.
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, """
            SELECT count(*) FROM (
                SELECT h.sequence, row_number() OVER w AS expected, h.previous_hash, lag(h.hash, 1, repeat('0', 64)) OVER w AS before
                FROM leave_balance_history h JOIN memberships m ON m.id = h.membership_id
                WHERE m.company_id = $1 WINDOW w AS (PARTITION BY h.membership_id ORDER BY h.sequence)) c
            WHERE c.sequence <> c.expected OR c.previous_hash <> c.before
            """, Guid.Parse(team.CompanyId)));

        var check = await _ops.RunAsync("ledger-verify", team.CompanyId, new DateOnly(2030, 1, 1));
        Assert.Equal("Done", check.GetProperty("status").GetString());
        Assert.EndsWith("every ledger holds", check.GetProperty("summary").GetString());
        Assert.Equal("AlreadyDone", (await _ops.RunAsync("ledger-verify", team.CompanyId, new DateOnly(2030, 1, 1))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_managers_of_the_company_verify_its_ledger()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var stranger = await CompanyTestKit.CreateTeamAsync(app);
        var url = team.Url("/ledger/verify");

        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Admin.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_changed_entry_is_reported_at_that_entry_by_the_endpoint_and_the_worker()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var (membership, entries) = await ChainOfThreeAsync(team);

        await AsOwnerTamperingAsync("UPDATE leave_balance_history SET change = change + 1 WHERE id = @id", entries[1]);

        var broken = Assert.Single((await VerifyAsync(team.Admin, team.CompanyId)).GetProperty("breaks").EnumerateArray());
        Assert.Equal(membership, broken.GetProperty("membershipId").GetString());
        Assert.Equal("hash-mismatch", broken.GetProperty("problem").GetString());
        Assert.Equal(2, broken.GetProperty("sequence").GetInt64());
        Assert.Equal(entries[1].ToString(), broken.GetProperty("entryId").GetString());

        var check = await _ops.RunAsync("ledger-verify", team.CompanyId, new DateOnly(2030, 1, 2));
        Assert.Equal("Done", check.GetProperty("status").GetString());
        var summary = check.GetProperty("summary").GetString()!;
        Assert.Contains($"1 broken: membership {membership} hash-mismatch at entry 2 ({entries[1]})", summary);
        Assert.DoesNotContain("Employee User", summary);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_at_the_entry_after_it_and_a_deleted_last_entry_by_its_balance()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var (membership, entries) = await ChainOfThreeAsync(team);

        await AsOwnerTamperingAsync("DELETE FROM leave_balance_history WHERE id = @id", entries[1]);

        var broken = Assert.Single((await VerifyAsync(team.Manager, team.CompanyId)).GetProperty("breaks").EnumerateArray());
        Assert.Equal(membership, broken.GetProperty("membershipId").GetString());
        Assert.Equal("sequence-gap", broken.GetProperty("problem").GetString());
        Assert.Equal(3, broken.GetProperty("sequence").GetInt64());
        Assert.Equal(entries[2].ToString(), broken.GetProperty("entryId").GetString());

        // The last entry has no successor to miss it: its balance no longer adds up.
        var other = await CompanyTestKit.CreateTeamAsync(app);
        var (otherMembership, otherEntries) = await ChainOfThreeAsync(other);
        await AsOwnerTamperingAsync("DELETE FROM leave_balance_history WHERE id = @id", otherEntries[2]);
        var unbalanced = Assert.Single((await VerifyAsync(other.Admin, other.CompanyId)).GetProperty("breaks").EnumerateArray());
        Assert.Equal(otherMembership, unbalanced.GetProperty("membershipId").GetString());
        Assert.Equal("balance-mismatch", unbalanced.GetProperty("problem").GetString());
        Assert.Equal("PAID", unbalanced.GetProperty("balanceType").GetString());
    }

    [Fact]
    public async Task A_member_and_managers_export_a_ledger_the_offline_verifier_accepts_and_a_tampered_one_it_refuses()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var (membership, _) = await ChainOfThreeAsync(team);
        var url = team.Url($"/memberships/{membership}/ledger");
        var stranger = await CompanyTestKit.CreateTeamAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.GetAsync(team.Url($"/memberships/{team.AdminMembershipId}/ledger"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.GetAsync(team.Url($"/memberships/{team.ManagerMembershipId}/ledger"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Admin.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.Http.GetAsync(team.Url($"/memberships/{stranger.EmployeeMembershipId}/ledger"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.GetAsync(url)).StatusCode);

        var response = await team.Employee.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;
        Assert.Equal("arkoa-ledger-v1", export["format"]!.GetValue<string>());
        var exportEntries = export["entries"]!.AsArray();
        Assert.True(exportEntries.Count >= 3);
        Assert.Equal(exportEntries[^1]!["hash"]!.GetValue<string>(), export["head"]!.GetValue<string>());

        var file = Path.Combine(Path.GetTempPath(), $"arkoa-ledger-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, text);
            var holds = await VerifyOfflineAsync(file);
            Assert.True(holds.ExitCode == 0, holds.ToString());
            Assert.Contains($"{exportEntries.Count} entries", holds.Output);

            exportEntries[1]!["change"] = exportEntries[1]!["change"]!.GetValue<decimal>() + 1;
            await File.WriteAllTextAsync(file, export.ToJsonString());
            var tampered = await VerifyOfflineAsync(file);
            Assert.True(tampered.ExitCode == 1, tampered.ToString());
            Assert.Contains("entry 2", tampered.Output);
            Assert.Contains("hash", tampered.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The employee's ledger as three entries: the enrolment credit, then two adjustments; their ids in order.</summary>
    private async Task<(string Membership, List<Guid> Entries)> ChainOfThreeAsync(Team team)
    {
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 3);
        await team.Admin.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", 1.5m);
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM leave_balance_history WHERE membership_id = $1 ORDER BY sequence", connection);
        command.Parameters.AddWithValue(Guid.Parse(team.EmployeeMembershipId));
        var ids = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        }
        Assert.Equal(3, ids.Count);
        Assert.True((await VerifyAsync(team.Admin, team.CompanyId)).GetProperty("holds").GetBoolean());
        return (team.EmployeeMembershipId, ids);
    }

    /// <summary>
    /// What only the schema's owner can do: switch the table's triggers off (append-only, chain, sum) for one transaction
    /// and rewrite history behind the application's back.
    /// </summary>
    private async Task AsOwnerTamperingAsync(string sql, Guid entryId)
    {
        // Unpooled: a pooled owner connection would stay open after the test, and LeastPrivilegeTests checks none does.
        await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync("api", "arkoa-owner") + ";Pooling=false");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var disable = new NpgsqlCommand("ALTER TABLE leave_balance_history DISABLE TRIGGER USER", connection, transaction))
        {
            await disable.ExecuteNonQueryAsync();
        }
        await using (var tamper = new NpgsqlCommand(sql, connection, transaction))
        {
            tamper.Parameters.AddWithValue("id", entryId);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }
        await using (var enable = new NpgsqlCommand("ALTER TABLE leave_balance_history ENABLE TRIGGER USER", connection, transaction))
        {
            await enable.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private async Task AsAppAsync(string sql, Guid membershipId)
    {
        await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync("api", "arkoa"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("membership", membershipId);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<JsonElement> VerifyAsync(ApiSession manager, string companyId)
    {
        var response = await manager.Http.GetAsync($"/api/companies/{companyId}/ledger/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<Repository.Result> VerifyOfflineAsync(string file) =>
        Repository.RunAsync("python3", [Path.Combine(Repository.Root, "tools", "verify-ledger.py"), file], Repository.Root);

    private const string HistoryOfCompany = """
        SELECT count(*) FROM leave_balance_history h JOIN memberships m ON m.id = h.membership_id WHERE m.company_id = $1
        """;
}
