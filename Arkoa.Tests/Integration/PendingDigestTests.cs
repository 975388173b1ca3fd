using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class PendingDigestTests(ArkoaAppFixture app)
{
    private readonly WorkerOps _ops = new(app);

    /// <summary>
    /// Each manager's mail lists what they may decide: a manager's own request waits on the other managers, so it is in
    /// their digests and not in its author's (issue 14 §8).
    /// </summary>
    [Fact]
    public async Task Managers_get_one_daily_digest_of_requests_pending_for_more_than_48_hours_except_their_own()
    {
        var manager = await ApiSession.SignUpAsync(app, "Digest Manager");
        var (companyId, membershipId) = await manager.CreateCompanyAsync();
        var today = await RunTheSchedulersDigestsFirstAsync(companyId);
        var colleague = await ApiSession.SignUpAsync(app, "Digest Colleague");
        await manager.AddMemberAsync(companyId, colleague, "MANAGER");
        var employee = await ApiSession.SignUpAsync(app, "Éloi Malade");
        var employeeMembershipId = await manager.AddMemberAsync(companyId, employee);

        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 2);
        var employeesLeave = await employee.CreateLeaveAsync(companyId, employeeMembershipId, "SICK", monday, monday.AddDays(1));
        var managersOwn = await manager.CreateLeaveAsync(companyId, membershipId, "UNPAID", monday.AddDays(7), monday.AddDays(8));
        Assert.Equal(2, await _ops.ExecuteSqlAsync("UPDATE leaves SET created_at = now() - interval '3 days' WHERE id = $1 OR id = $2",
            Guid.Parse(employeesLeave), Guid.Parse(managersOwn)));

        var digestDay = today.AddDays(1);
        var first = await _ops.RunAsync("pending-digest", companyId, digestDay);
        Assert.Equal("Done", first.GetProperty("status").GetString());
        Assert.Contains("2 pending", first.GetProperty("summary").GetString());
        Assert.Equal("AlreadyDone", (await _ops.RunAsync("pending-digest", companyId, digestDay)).GetProperty("status").GetString());

        var inbox = app.Inbox();
        var digest = await inbox.WaitForOneAsync(manager.Email, IsDigest);
        Assert.EndsWith(": 1 demande de congé en attente depuis plus de 48 h", digest.Subject);
        var text = await inbox.PlainTextAsync(digest.Id);
        Assert.Contains("• Éloi Malade\u00a0: Arrêt maladie", text); // the type by its name in the reader's language
        Assert.DoesNotContain("SICK", text);
        Assert.DoesNotContain("• Digest Manager", text);

        var colleagues = await inbox.PlainTextAsync((await inbox.WaitForOneAsync(colleague.Email, IsDigest)).Id);
        Assert.Contains("• Éloi Malade\u00a0: Arrêt maladie", colleagues);
        Assert.Contains("• Digest Manager\u00a0: Congé sans solde", colleagues);

        await Task.Delay(1500); // a second digest, if any, would be queued by now
        Assert.Single(await inbox.WaitForAsync(manager.Email, timeout: TimeSpan.Zero), m => IsDigest(m.Subject));
    }

    /// <summary>An open request to cancel an approved leave waits on the managers as a leave request does (issue 14 §8).</summary>
    [Fact]
    public async Task The_digest_lists_a_request_to_cancel_left_open_for_more_than_48_hours()
    {
        var manager = await ApiSession.SignUpAsync(app, "Digest Boss");
        var (companyId, _) = await manager.CreateCompanyAsync();
        var today = await RunTheSchedulersDigestsFirstAsync(companyId);
        var employee = await ApiSession.SignUpAsync(app, "Zoé Asker");
        var membershipId = await manager.AddMemberAsync(companyId, employee);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 4);
        var leaveId = await employee.CreateLeaveAsync(companyId, membershipId, "UNPAID", monday, monday.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await manager.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{leaveId}/review", new { status = "APPROVED" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employee.Http.PostAsJsonAsync(
            $"/api/companies/{companyId}/memberships/{membershipId}/leaves/{leaveId}/cancel-request", new { reason = "Plans changed" })).StatusCode);
        // Asked three days ago, at noon UTC: the same day in Paris.
        var askedOn = today.AddDays(-3);
        Assert.Equal(1, await _ops.ExecuteSqlAsync("UPDATE leaves SET cancel_requested_at = $1 WHERE id = $2",
            askedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), Guid.Parse(leaveId)));

        var run = await _ops.RunAsync("pending-digest", companyId, today.AddDays(1));
        Assert.Equal("Done", run.GetProperty("status").GetString());
        Assert.Contains("1 pending", run.GetProperty("summary").GetString());

        var inbox = app.Inbox();
        var digest = await inbox.WaitForOneAsync(manager.Email, IsDigest);
        Assert.Contains("1 demande de congé en attente", digest.Subject);
        var text = await inbox.PlainTextAsync(digest.Id);
        Assert.Contains($"• Zoé Asker\u00a0: annulation demandée le {askedOn.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} pour Congé sans solde", text);
    }

    /// <summary>
    /// A request following an approval chain waits on its current step's approvers (SPEC §11): the employee the step
    /// names gets the digest of it, and the managers, who may not decide it, get none.
    /// </summary>
    [Fact]
    public async Task A_chained_request_is_in_the_digest_of_the_approver_its_step_waits_for_and_not_of_the_managers()
    {
        var admin = await ApiSession.SignUpAsync(app, "Digest Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var today = await RunTheSchedulersDigestsFirstAsync(companyId);
        var approver = await ApiSession.SignUpAsync(app, "Nina Approver");
        var approverId = await admin.AddMemberAsync(companyId, approver);
        var employee = await ApiSession.SignUpAsync(app, "Yann Asker");
        var employeeId = await admin.AddMemberAsync(companyId, employee);
        await admin.SetChainAsync(companyId, ApprovalTestKit.Step("NAMED_MEMBER", namedMembershipId: approverId));
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 6);
        var leaveId = await employee.CreateLeaveAsync(companyId, employeeId, "UNPAID", monday, monday.AddDays(1));
        Assert.Equal(1, await _ops.ExecuteSqlAsync("UPDATE leaves SET created_at = now() - interval '3 days' WHERE id = $1", Guid.Parse(leaveId)));

        var run = await _ops.RunAsync("pending-digest", companyId, today.AddDays(1));
        Assert.Contains("digests sent to 1 of 2", run.GetProperty("summary").GetString());

        var inbox = app.Inbox();
        Assert.Contains("• Yann Asker\u00a0: Congé sans solde", await inbox.PlainTextAsync((await inbox.WaitForOneAsync(approver.Email, IsDigest)).Id));
        await Task.Delay(1500); // the admin's digest, if any, would be queued by now
        Assert.DoesNotContain(await inbox.WaitForAsync(admin.Email, timeout: TimeSpan.Zero), m => IsDigest(m.Subject));
    }

    // The digest's own subject: a random company name in another mail's subject may hold "48" too.
    private static bool IsDigest(string subject) => subject.EndsWith("en attente depuis plus de 48 h", StringComparison.Ordinal);

    /// <summary>
    /// The scheduler runs the digest of the company's current day (or yesterday's before 08:00) by itself: those periods
    /// are run first, while nothing is old, so that the only digest with the test's request is the one it runs. Returns
    /// the company's today (Europe/Paris).
    /// </summary>
    private async Task<DateOnly> RunTheSchedulersDigestsFirstAsync(string companyId)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            Assert.NotEqual("Failed", (await _ops.RunAsync("pending-digest", companyId, day)).GetProperty("status").GetString());
        }
        return today;
    }
}
