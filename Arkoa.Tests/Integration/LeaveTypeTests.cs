using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Leave types as rows per company (issue 17): the built-ins every company gets, an admin's own types and the rules
/// their flags set for requests (balance, approval, past dates, length, unit, archive), who may change them, and
/// privacy of a company's own sensitive type.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class LeaveTypeTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static readonly DateOnly Monday = TestDates.FebruaryMondayNextYear();

    private static object Fields(string nameEn, bool usesBalance = false, bool requiresApproval = true, int? maxConsecutiveDays = null,
        bool allowedInPast = false, bool sensitive = false, string unit = "HALF_DAY", bool countsAsAbsence = true) => new
    {
        nameFr = nameEn + " (fr)", nameEn, colour = "#0A7E8C", unit, usesBalance, sensitive, requiresApproval,
        maxConsecutiveDays, allowedInPast, countsAsAbsence,
    };

    private static async Task<JsonElement> CreateTypeAsync(Team team, string code, object fields)
    {
        var body = JsonSerializer.SerializeToNode(fields)!.AsObject();
        body["code"] = code;
        var response = await team.Admin.Http.PostAsJsonAsync(team.Url("/leave-types"), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> RequestAsync(ApiSession who, Team team, string membershipId, string type, DateOnly start, DateOnly end,
        string? endHalf = null) =>
        who.Http.PostAsJsonAsync(team.LeavesUrl(membershipId), new { type, startDate = start.Iso(), endDate = end.Iso(), endHalf });

    private static async Task<(string Code, string Field)> ProblemAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var field = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Single().Name : "";
        return (problem.GetProperty("code").GetString()!, field);
    }

    [Fact]
    public async Task A_new_company_has_the_fourteen_built_ins_with_today_s_rules_and_every_member_reads_them()
    {
        var team = await CreateTeamAsync(app);

        var types = (await team.Employee.GetJsonAsync(team.Url("/leave-types"))).EnumerateArray().ToList();

        Assert.Equal(["PAID", "RTT", "UNPAID", "SICK", "CHILD_SICK", "MATERNITY", "PATERNITY", "PARENTAL", "BEREAVEMENT", "MARRIAGE",
            "MOVING", "TRAINING", "UNJUSTIFIED", "ADJUSTMENT"], types.Select(t => t.GetProperty("code").GetString()));
        Assert.All(types, t => Assert.True(t.GetProperty("builtIn").GetBoolean()));
        Assert.Equal(["PAID", "RTT"], types.Where(t => t.GetProperty("usesBalance").GetBoolean()).Select(t => t.GetProperty("code").GetString()));
        Assert.Equal(["SICK", "CHILD_SICK", "MATERNITY", "PATERNITY", "PARENTAL", "BEREAVEMENT"],
            types.Where(t => t.GetProperty("sensitive").GetBoolean()).Select(t => t.GetProperty("code").GetString()));
        var paid = types[0];
        Assert.Equal("Congés payés", paid.GetProperty("nameFr").GetString());
        Assert.Equal("Paid leave", paid.GetProperty("nameEn").GetString());
        Assert.Equal("#1d4ed8", paid.GetProperty("colour").GetString());
        Assert.Equal("HALF_DAY", paid.GetProperty("unit").GetString());
        Assert.All(types, t => Assert.True(t.GetProperty("requiresApproval").GetBoolean()));
        Assert.All(types, t => Assert.False(t.GetProperty("allowedInPast").GetBoolean()));
    }

    [Fact]
    public async Task Only_an_admin_of_the_company_changes_types_and_another_company_reads_none()
    {
        var team = await CreateTeamAsync(app);
        var other = await CreateTeamAsync(app);
        var body = new { code = "REMOTE", nameFr = "Télétravail", nameEn = "Remote", colour = "#123456", unit = "DAY" };

        foreach (var caller in new[] { team.Employee, team.Manager })
        {
            var refused = await caller.Http.PostAsJsonAsync(team.Url("/leave-types"), body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("admin-only-leave-types", (await ProblemAsync(refused)).Code);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.PostAsync(team.Url("/leave-types/SICK/archive"), null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.PutAsJsonAsync(team.Url("/leave-types/SICK"), body)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.GetAsync(team.Url("/leave-types"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.PostAsJsonAsync(team.Url("/leave-types"), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Admin.Http.DeleteAsync(team.Url("/leave-types/SICK"))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await team.Admin.Http.PostAsJsonAsync(team.Url("/leave-types"), body)).StatusCode);
        // Codes are per company: the other company may use the same one.
        Assert.Equal(HttpStatusCode.Created, (await other.Admin.Http.PostAsJsonAsync(other.Url("/leave-types"), body)).StatusCode);
        var again = await team.Admin.Http.PostAsJsonAsync(team.Url("/leave-types"), body);
        Assert.Equal(("leave-type-code-taken", "code"), await ProblemAsync(again));
        var builtIn = await team.Admin.Http.PostAsJsonAsync(team.Url("/leave-types"), body with { code = "PAID" });
        Assert.Equal(("leave-type-code-taken", "code"), await ProblemAsync(builtIn));
        var malformed = await team.Admin.Http.PostAsJsonAsync(team.Url("/leave-types"), body with { code = "télé travail" });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("code", (await ProblemAsync(malformed)).Field);
        var badColour = await team.Admin.Http.PostAsJsonAsync(team.Url("/leave-types"), body with { code = "OTHER", colour = "blue" });
        Assert.Equal(HttpStatusCode.BadRequest, badColour.StatusCode);
        Assert.Equal("colour", (await ProblemAsync(badColour)).Field);
    }

    [Fact]
    public async Task A_request_of_a_code_the_company_does_not_have_names_the_type_field()
    {
        var team = await CreateTeamAsync(app);
        await CreateTypeAsync(await CreateTeamAsync(app), "ELSEWHERE", Fields("Elsewhere"));

        foreach (var code in new[] { "ELSEWHERE", "NOPE" })
        {
            var response = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, code, Monday, Monday);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(("unknown-leave-type", "type"), await ProblemAsync(response));
        }
        var malformed = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "not a code", Monday, Monday);
        Assert.Equal(("invalid-value", "type"), await ProblemAsync(malformed));
        // Nor may a balance, a blackout period or an approval step name it.
        var adjust = await team.Manager.Http.PostAsJsonAsync(team.Url($"/memberships/{team.EmployeeMembershipId}/leave-balances"),
            new { type = "NOPE", change = 1, reason = "Gift", historyType = "MANUEL_CREDIT" });
        Assert.Equal(("unknown-leave-type", "type"), await ProblemAsync(adjust));
        var blackout = await team.Admin.Http.PostAsJsonAsync(team.Url("/blackout-periods"),
            new { name = "Closing", startDate = Monday.Iso(), endDate = Monday.Iso(), leaveTypes = new[] { "PAID", "NOPE" } });
        Assert.Equal(("unknown-leave-type", "leaveTypes[1]"), await ProblemAsync(blackout));
        var chain = await team.Admin.Http.PutAsJsonAsync(team.Url("/approval-chain"),
            new { name = "Approvals", steps = new[] { ApprovalTestKit.Step("COMPANY_ADMINS", leaveTypes: ["NOPE"]) } });
        Assert.Equal(("unknown-leave-type", "steps[0].leaveTypes[0]"), await ProblemAsync(chain));
    }

    [Fact]
    public async Task A_type_of_the_company_s_own_that_uses_a_balance_deducts_and_refunds_like_paid_leave()
    {
        var team = await CreateTeamAsync(app);
        await CreateTypeAsync(team, "SENIORITY", Fields("Seniority days", usesBalance: true));
        // Every member got an empty balance of it, as of RTT.
        Assert.Equal(0m, await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "SENIORITY"));

        var refused = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "SENIORITY", Monday, Monday.AddDays(1));
        Assert.Equal(("insufficient-balance", "type"), await ProblemAsync(refused));

        await team.Manager.CreditAsync(team.CompanyId, team.EmployeeMembershipId, "SENIORITY", 3);
        var created = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "SENIORITY", Monday, Monday.AddDays(1));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1m, await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "SENIORITY"));
        var leaveId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var canceled = await team.Employee.Http.PostAsJsonAsync($"{team.LeavesUrl(team.EmployeeMembershipId)}/{leaveId}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        Assert.Equal(3m, await team.Employee.BalanceAsync(team.CompanyId, team.EmployeeMembershipId, "SENIORITY"));
        // A member who joins later gets the empty balance too.
        var (_, lateId) = await team.AddMemberAsync(app, name: "Late Joiner");
        Assert.Equal(0m, await team.Admin.BalanceAsync(team.CompanyId, lateId, "SENIORITY"));
        // Used, the type can no longer switch its balance off, nor be deleted.
        var switchOff = await team.Admin.Http.PutAsJsonAsync(team.Url("/leave-types/SENIORITY"), Fields("Seniority days", usesBalance: false));
        Assert.Equal(("leave-type-in-use", "usesBalance"), await ProblemAsync(switchOff));
        var delete = await team.Admin.Http.DeleteAsync(team.Url("/leave-types/SENIORITY"));
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal("leave-type-in-use", (await ProblemAsync(delete)).Code);
    }

    [Fact]
    public async Task A_type_that_needs_no_approval_is_approved_as_it_is_submitted()
    {
        var team = await CreateTeamAsync(app);
        await CreateTypeAsync(team, "REMOTE_EXTRA", Fields("Exceptional remote work", requiresApproval: false));

        var created = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "REMOTE_EXTRA", Monday, Monday);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var leave = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("APPROVED", leave.GetProperty("status").GetString());
        Assert.Equal("REMOTE_EXTRA", leave.GetProperty("type").GetString());
        // Nothing waits for a manager.
        var pending = await team.Manager.GetJsonAsync(team.Url("/leaves?status=PENDING"));
        Assert.Equal(0, pending.GetProperty("total").GetInt32());
        // A type that needs approval still waits.
        var paid = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "PAID", Monday.AddDays(7), Monday.AddDays(7));
        Assert.Equal("PENDING", (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_type_sets_the_longest_leave_whole_days_and_whether_a_member_may_ask_for_past_dates()
    {
        var team = await CreateTeamAsync(app);
        await CreateTypeAsync(team, "SHORT", Fields("Short", maxConsecutiveDays: 2, unit: "DAY"));
        await CreateTypeAsync(team, "SICK_SELF", Fields("Self-declared sickness", allowedInPast: true));
        await CreateTypeAsync(team, "HOURS", Fields("Hours", unit: "HOUR"));

        var tooLong = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "SHORT", Monday, Monday.AddDays(2));
        Assert.Equal(("leave-type-too-long", "endDate"), await ProblemAsync(tooLong));
        var half = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "SHORT", Monday, Monday.AddDays(1), endHalf: "MORNING");
        Assert.Equal(("leave-type-whole-days", "endHalf"), await ProblemAsync(half));
        Assert.Equal(HttpStatusCode.Created, (await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "SHORT", Monday, Monday.AddDays(1))).StatusCode);
        var hours = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "HOURS", Monday.AddDays(7), Monday.AddDays(7));
        Assert.Equal(("leave-type-in-hours", "type"), await ProblemAsync(hours));

        var lastWeek = TestDates.PlainMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-14));
        var pastPaid = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "PAID", lastWeek, lastWeek);
        Assert.Equal(("backfill-needs-manager", "startDate"), await ProblemAsync(pastPaid));
        var pastSick = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "SICK_SELF", lastWeek, lastWeek);
        Assert.Equal(HttpStatusCode.Created, pastSick.StatusCode);
    }

    [Fact]
    public async Task An_archived_type_takes_no_new_request_keeps_its_leaves_and_a_used_type_is_archived_not_deleted()
    {
        var team = await CreateTeamAsync(app);
        await CreateTypeAsync(team, "OLD", Fields("Old"));
        await CreateTypeAsync(team, "UNUSED", Fields("Unused"));
        var created = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "OLD", Monday, Monday);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var archived = await team.Admin.Http.PostAsync(team.Url("/leave-types/OLD/archive"), null);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await archived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archivedAt").ValueKind);
        var refused = await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "OLD", Monday.AddDays(7), Monday.AddDays(7));
        Assert.Equal(("leave-type-archived", "type"), await ProblemAsync(refused));
        Assert.Contains(await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId), l => l.GetProperty("type").GetString() == "OLD");

        var deleteUsed = await team.Admin.Http.DeleteAsync(team.Url("/leave-types/OLD"));
        Assert.Equal(HttpStatusCode.Conflict, deleteUsed.StatusCode);
        Assert.Equal("leave-type-in-use", (await ProblemAsync(deleteUsed)).Code);
        var deleteBuiltIn = await team.Admin.Http.DeleteAsync(team.Url("/leave-types/MOVING"));
        Assert.Equal("leave-type-built-in", (await ProblemAsync(deleteBuiltIn)).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Admin.Http.DeleteAsync(team.Url("/leave-types/UNUSED"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.Http.DeleteAsync(team.Url("/leave-types/UNUSED"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsync(team.Url("/leave-types/OLD/unarchive"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await RequestAsync(team.Employee, team, team.EmployeeMembershipId, "OLD", Monday.AddDays(7), Monday.AddDays(7))).StatusCode);
    }

    [Fact]
    public async Task A_colleague_sees_a_leave_of_the_company_s_own_sensitive_type_as_an_absence_and_the_setting_maps_the_rows()
    {
        var team = await CreateTeamAsync(app);
        await CreateTypeAsync(team, "THERAPY", Fields("Therapy", sensitive: true));
        var leaveId = await team.Admin.CreateLeaveAsync(team.CompanyId, team.ManagerMembershipId, "THERAPY", Monday, Monday);
        var query = $"/calendar?year={Monday.Year}&month={Monday.Month}";

        var seenByColleague = Assert.Single((await team.Employee.GetJsonAsync(team.Url(query))).GetProperty("leaves").EnumerateArray(),
            l => l.GetProperty("id").GetString() == leaveId);
        var seenByManager = Assert.Single((await team.Admin.GetJsonAsync(team.Url(query))).GetProperty("leaves").EnumerateArray(),
            l => l.GetProperty("id").GetString() == leaveId);

        Assert.Equal(JsonValueKind.Null, seenByColleague.GetProperty("type").ValueKind);
        Assert.Equal("THERAPY", seenByManager.GetProperty("type").GetString());
        // The company setting reads and writes the rows' flag.
        var company = await team.Admin.GetJsonAsync(team.Url());
        Assert.Contains("THERAPY", company.GetProperty("sensitiveLeaveTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(team.Url(), new { sensitiveLeaveTypes = new[] { "SICK" } })).StatusCode);
        var types = (await team.Employee.GetJsonAsync(team.Url("/leave-types"))).EnumerateArray().ToList();
        Assert.Equal(["SICK"], types.Where(t => t.GetProperty("sensitive").GetBoolean()).Select(t => t.GetProperty("code").GetString()));
        var unknown = await team.Admin.PatchAsync(team.Url(), new { sensitiveLeaveTypes = new[] { "NOPE" } });
        Assert.Equal(("unknown-leave-type", "sensitiveLeaveTypes"), await ProblemAsync(unknown));
        // No longer sensitive: the colleague now sees the type.
        var nowSeen = Assert.Single((await team.Employee.GetJsonAsync(team.Url(query))).GetProperty("leaves").EnumerateArray(),
            l => l.GetProperty("id").GetString() == leaveId);
        Assert.Equal("THERAPY", nowSeen.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_ical_feed_names_a_company_s_own_type_by_its_row_in_the_subscriber_s_language_and_hides_a_sensitive_one()
    {
        var team = await CreateTeamAsync(app);
        await CreateTypeAsync(team, "REMOTE_EXTRA", Fields("Exceptional remote", requiresApproval: false));
        await CreateTypeAsync(team, "THERAPY", Fields("Therapy", requiresApproval: false, sensitive: true));
        var remote = await team.Manager.CreateLeaveAsync(team.CompanyId, team.ManagerMembershipId, "REMOTE_EXTRA", Monday, Monday);
        var therapy = await team.Manager.CreateLeaveAsync(team.CompanyId, team.ManagerMembershipId, "THERAPY", Monday.AddDays(1), Monday.AddDays(1));

        foreach (var (viewer, language, remoteName, therapyName) in new[]
        {
            (team.Employee, "en", "Exceptional remote", "Absent"), (team.Employee, "fr", "Exceptional remote (fr)", "Absence"),
            (team.Admin, "en", "Exceptional remote", "Therapy"),
        })
        {
            await SickLeaveScene.SetLanguageAsync(viewer, language);
            var link = await viewer.GetJsonAsync($"/api/users/me/calendar-link?companyId={team.CompanyId}");
            var feed = Ical.Net.Calendar.Load(await app.Api().GetStringAsync(link.GetProperty("path").GetString()))!;
            Assert.Equal($"Manager User – {remoteName}", Assert.Single(feed.Events, e => e.Uid == $"{remote}@arkoa").Summary);
            Assert.Equal($"Manager User – {therapyName}", Assert.Single(feed.Events, e => e.Uid == $"{therapy}@arkoa").Summary);
        }
    }
}
