using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.ApprovalTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// SPEC §11 escalation through the Worker's step-escalation job, run for chosen days through /ops: a step that waited the
/// company's limit is passed on, the next approvers and the member are mailed (smtp4dev), a day runs once, and a step
/// is passed on once, the last one to the company's admins.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StepEscalationJobTests(ArkoaAppFixture app)
{
    private readonly WorkerOps _ops = new(app);

    private const string PassedOn = "Votre demande de congé a été transmise";

    [Fact]
    public async Task A_step_waiting_past_the_company_s_limit_is_passed_on_once_with_mails_then_the_last_to_the_admins()
    {
        var company = await TestCompany.CreateAsync(app);
        var (admin, companyId) = (company.Admin, company.CompanyId);
        var (_, leadId) = await company.AddMemberAsync(app, name: "Léo Lead");
        var (hr, hrId) = await company.AddMemberAsync(app, name: "Hugo RH");
        var (employee, employeeId) = await company.AddMemberAsync(app, name: "Emma Asker");
        await admin.SetChainAsync(companyId, Step("NAMED_MEMBER", namedMembershipId: leadId), Step("NAMED_MEMBER", namedMembershipId: hrId));
        Assert.Equal("escalation-delay-out-of-range",
            await (await admin.Http.PatchAsJsonAsync(company.Url(), new { escalateAfterWorkingDays = 31 })).ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync(company.Url(), new { escalateAfterWorkingDays = 3 })).StatusCode);
        Assert.Equal(3, (await admin.GetJsonAsync(company.Url())).GetProperty("escalateAfterWorkingDays").GetInt32());
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 10);
        var leaveId = await employee.CreateLeaveAsync(companyId, employeeId, "UNPAID", monday, monday.AddDays(1));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

        // Tomorrow no whole working day has passed; two weeks on, more than three have.
        Assert.Contains("0 requests passed on", await RunAsync(companyId, today.AddDays(1)));
        Assert.Contains("1 requests passed on", await RunAsync(companyId, today.AddDays(14)));
        Assert.Equal("AlreadyDone", (await _ops.RunAsync("step-escalation", companyId, today.AddDays(14))).GetProperty("status").GetString());
        Assert.Equal(2, await StepAsync(employee, company, employeeId));
        // The request's progress says the first step was passed on, and the second was not (yet).
        var progress = await admin.GetJsonAsync($"/api/companies/{companyId}/leaves/{leaveId}/approval");
        Assert.Equal([true, false], progress.GetProperty("stepList").EnumerateArray()
            .Select(s => s.GetProperty("escalatedAt").ValueKind == System.Text.Json.JsonValueKind.String));

        var inbox = app.Inbox();
        var hrMail = await inbox.WaitForOneAsync(hr.Email, s => s.StartsWith("Emma Asker a demandé un congé", StringComparison.Ordinal));
        Assert.Contains("Emma Asker a demandé", await inbox.PlainTextAsync(hrMail.Id));
        var told = await inbox.PlainTextAsync((await inbox.WaitForOneAsync(employee.Email, s => s == PassedOn)).Id);
        Assert.Contains("elle a été transmise à Hugo RH.", told);

        // The last step, reached today, waits the limit again; then the admin joins it, and nothing more comes of it.
        Assert.Contains("1 requests passed on", await RunAsync(companyId, today.AddDays(15)));
        Assert.Contains("0 requests passed on", await RunAsync(companyId, today.AddDays(16)));
        Assert.Equal(2, await StepAsync(employee, company, employeeId));
        await inbox.WaitForOneAsync(admin.Email, s => s.StartsWith("Emma Asker a demandé un congé", StringComparison.Ordinal));
        // Counted among the "passed on" mails only: the person's other mails (their invitation) would end the wait early.
        Assert.Equal(2, (await inbox.WaitForAsync(employee.Email, count: 2, subject: s => s == PassedOn)).Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.ReviewAsync(company, leaveId, "APPROVED")).StatusCode);
        Assert.Equal(3, await _ops.ScalarAsync<long>(
            "SELECT count(*) FROM leave_status_changes WHERE leave_id = $1 AND (transition = 'ESCALATED' AND actor_id IS NULL OR transition = 'APPROVED')",
            Guid.Parse(leaveId)));
    }

    [Fact]
    public async Task Runs_of_the_same_day_racing_on_the_worker_replicas_pass_a_step_on_once()
    {
        var company = await TestCompany.CreateAsync(app);
        var (admin, companyId) = (company.Admin, company.CompanyId);
        var (_, leadId) = await company.AddMemberAsync(app, name: "Léo Lead");
        var (_, hrId) = await company.AddMemberAsync(app, name: "Hugo RH");
        var (employee, employeeId) = await company.AddMemberAsync(app, name: "Emma Asker");
        await admin.SetChainAsync(companyId, Step("NAMED_MEMBER", namedMembershipId: leadId), Step("NAMED_MEMBER", namedMembershipId: hrId));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync(company.Url(), new { escalateAfterWorkingDays = 1 })).StatusCode);
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 11);
        var leaveId = Guid.Parse(await employee.CreateLeaveAsync(companyId, employeeId, "UNPAID", monday, monday));
        var asOf = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris")).AddDays(14);

        // Four runs of the same day at once, spread by the Worker's address over its two replicas.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _ops.RunAsync("step-escalation", companyId, asOf)));

        Assert.Equal(["AlreadyDone", "AlreadyDone", "AlreadyDone", "Done"], runs.Select(r => r.GetProperty("status").GetString()).Order());
        // One escalation and one history entry, so one set of mails: they are queued in the escalation's transaction.
        Assert.Equal(1L, await _ops.ScalarAsync<long>("SELECT count(*) FROM leave_escalations WHERE leave_id = $1", leaveId));
        Assert.Equal(1L, await _ops.ScalarAsync<long>(
            "SELECT count(*) FROM leave_status_changes WHERE leave_id = $1 AND transition = 'ESCALATED'", leaveId));
        Assert.Equal(2, await StepAsync(employee, company, employeeId));
    }

    private async Task<string> RunAsync(string companyId, DateOnly asOf)
    {
        var run = await _ops.RunAsync("step-escalation", companyId, asOf);
        Assert.Equal("Done", run.GetProperty("status").GetString());
        return run.GetProperty("summary").GetString()!;
    }

    private static async Task<int> StepAsync(ApiSession employee, TestCompany company, string employeeId) =>
        (await employee.GetJsonAsync(company.LeavesUrl(employeeId))).GetProperty("items")[0].GetProperty("approval").GetProperty("step").GetInt32();
}
