using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Core.MailDecisions;
using static Arkoa.Tests.Integration.ApprovalTestKit;
using static Arkoa.Tests.Integration.CompanyTestKit;
using static Arkoa.Tests.Integration.TeamTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Approve and Reject links of approvers' mails through the Api (SPEC §11): opening one shows the request and
/// changes nothing; confirming decides it as the approver, once; a link altered, expired, from another key, about a
/// request since decided or edited, or whose approver lost the right, decides nothing and says why.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class MailDecisionTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static async Task<(Team Company, string LeaveId)> PendingRequestAsync(IArkoaApi app)
    {
        var company = await CreateTeamAsync(app);
        await company.Admin.CreditAsync(company.CompanyId, company.EmployeeMembershipId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await company.Employee.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "PAID", monday, monday.AddDays(1));
        return (company, leaveId);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static async Task<string> StatusAsync(Team company, string leaveId) =>
        (await company.Employee.GetJsonAsync(company.LeavesUrl(company.EmployeeMembershipId))).GetProperty("items").EnumerateArray()
            .Single(l => l.GetProperty("id").GetString() == leaveId).GetProperty("status").GetString()!;

    [Fact]
    public async Task Opening_the_link_changes_nothing_and_confirming_approves_once_as_the_approver()
    {
        var (company, leaveId) = await PendingRequestAsync(app);
        // Every approver's mail carries its own link; the requester gets none.
        Assert.False(await app.MailedToAsync(leaveId, company.EmployeeMembershipId));
        var token = await app.DecisionTokenAsync(leaveId, company.ManagerMembershipId);
        var adminsToken = await app.DecisionTokenAsync(leaveId, company.AdminMembershipId);

        var preview = await ReadAsync(await app.PreviewDecisionAsync(token));
        Assert.Equal((company.CompanyId, leaveId, "PAID", 2m), (preview.GetProperty("companyId").GetString(), preview.GetProperty("leaveId").GetString(),
            preview.GetProperty("type").GetString(), preview.GetProperty("days").GetDecimal()));
        Assert.Equal("Employee User", preview.GetProperty("memberName").GetString());
        await ReadAsync(await app.PreviewDecisionAsync(token)); // a scanner opening it twice changes nothing either
        Assert.Equal("PENDING", await StatusAsync(company, leaveId));

        var decided = await ReadAsync(await app.DecideByLinkAsync(token, "APPROVED", "Enjoy"));
        Assert.Equal("APPROVED", decided.GetProperty("status").GetString());
        var history = await company.Employee.GetJsonAsync($"{company.LeavesUrl(company.EmployeeMembershipId)}/{leaveId}/history");
        var approval = history.EnumerateArray().Last();
        Assert.Equal(("APPROVED", company.Manager.UserId, "Enjoy"), (approval.GetProperty("transition").GetString(),
            approval.GetProperty("actorId").GetString(), approval.GetProperty("note").GetString()));

        // The link worked once; the admin's link about the same request decides nothing more either.
        foreach (var spent in new[] { token, adminsToken })
        {
            var used = await ReadAsync(await app.DecideByLinkAsync(spent, "REJECTED", "Changed my mind"), HttpStatusCode.Gone);
            Assert.Equal(("decision-link-used", company.CompanyId, leaveId), (used.GetProperty("code").GetString(),
                used.GetProperty("companyId").GetString(), used.GetProperty("leaveId").GetString()));
            Assert.Equal(HttpStatusCode.Gone, (await app.PreviewDecisionAsync(spent)).StatusCode);
        }
        Assert.Equal("APPROVED", await StatusAsync(company, leaveId));
    }

    [Fact]
    public async Task Rejecting_needs_a_note_and_gives_the_days_back()
    {
        var (company, leaveId) = await PendingRequestAsync(app);
        var before = await company.Employee.BalanceAsync(company.CompanyId, company.EmployeeMembershipId, "PAID");
        var token = await app.DecisionTokenAsync(leaveId, company.ManagerMembershipId);

        await (await app.DecideByLinkAsync(token, "REJECTED")).AssertFieldErrorAsync("managerNote");
        await (await app.DecideByLinkAsync(token, "REJECTED", "   ")).AssertFieldErrorAsync("managerNote");
        await (await app.DecideByLinkAsync(token, "CANCELED", "No")).AssertFieldErrorAsync("status");
        await (await app.DecideByLinkAsync(token, "MAYBE", "No")).AssertFieldErrorAsync("decision");
        Assert.Equal("PENDING", await StatusAsync(company, leaveId));

        var rejected = await ReadAsync(await app.DecideByLinkAsync(token, "REJECTED", "Inventory week"));
        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        Assert.Equal(before + 2, await company.Employee.BalanceAsync(company.CompanyId, company.EmployeeMembershipId, "PAID"));
    }

    [Fact]
    public async Task An_altered_foreign_expired_or_missing_token_decides_nothing()
    {
        var (company, leaveId) = await PendingRequestAsync(app);
        var token = await app.DecisionTokenAsync(leaveId, company.ManagerMembershipId);
        var link = DecisionLink.For(new Core.Domain.Leave { Id = Guid.Parse(leaveId) }, Guid.Parse(company.ManagerMembershipId), DateTime.UtcNow);

        string[] invalid =
        [
            token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1],
            new DecisionLinkSigner(InProcessApi.MailLinkKey + "!").Sign(link),
            "x", "<script>", "\u0000\u0001",
        ];
        foreach (var bad in invalid)
        {
            await (await app.DecideByLinkAsync(bad, "APPROVED")).AssertFieldErrorAsync("token");
            await (await app.PreviewDecisionAsync(bad)).AssertFieldErrorAsync("token");
        }
        await (await app.DecideByLinkAsync(new string('A', 201), "APPROVED")).AssertFieldErrorAsync("token");
        await (await app.DecideByLinkAsync(null!, "APPROVED")).AssertFieldErrorAsync("token");

        var expired = await app.DecisionTokenAsync(leaveId, company.ManagerMembershipId, signedAt: DateTime.UtcNow - DecisionLink.Lifetime - TimeSpan.FromMinutes(1));
        var problem = await ReadAsync(await app.DecideByLinkAsync(expired, "APPROVED"), HttpStatusCode.BadRequest);
        Assert.Equal("link-expired", problem.GetProperty("code").GetString());
        Assert.Equal("PENDING", await StatusAsync(company, leaveId));
    }

    [Fact]
    public async Task A_link_mailed_before_an_edit_decides_nothing_and_the_new_mail_has_a_working_one()
    {
        var (company, leaveId) = await PendingRequestAsync(app);
        var before = await app.DecisionTokenAsync(leaveId, company.ManagerMembershipId);
        var monday = TestDates.FebruaryMondayNextYear();
        var version = (await company.Employee.GetJsonAsync(company.LeavesUrl(company.EmployeeMembershipId))).GetProperty("items")[0].GetProperty("version").GetInt32();
        var edited = await company.Employee.Http.PatchAsJsonAsync($"{company.LeavesUrl(company.EmployeeMembershipId)}/{leaveId}",
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.AddDays(3).Iso(), version });
        await ReadAsync(edited);

        Assert.Equal("decision-link-used", await (await app.DecideByLinkAsync(before, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Gone));
        var after = await app.DecisionTokenAsync(leaveId, company.ManagerMembershipId);
        Assert.Equal(4m, (await ReadAsync(await app.PreviewDecisionAsync(after))).GetProperty("days").GetDecimal());
        Assert.Equal("APPROVED", (await ReadAsync(await app.DecideByLinkAsync(after, "APPROVED"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_approver_who_lost_the_right_decides_nothing_with_an_earlier_link()
    {
        var (company, leaveId) = await PendingRequestAsync(app);
        var managers = await app.DecisionTokenAsync(leaveId, company.ManagerMembershipId);
        var admins = await app.DecisionTokenAsync(leaveId, company.AdminMembershipId);

        // The manager made an employee: no longer a manager of the company; the admin's membership ended.
        Assert.True((await company.Admin.Http.PatchAsJsonAsync(company.Url($"/memberships/{company.ManagerMembershipId}"), new { role = "EMPLOYEE" })).IsSuccessStatusCode);
        Assert.Equal("review-needs-manager", await (await app.DecideByLinkAsync(managers, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        await app.DeactivateAsync(company.AdminMembershipId);
        Assert.Equal("forbidden", await (await app.DecideByLinkAsync(admins, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("PENDING", await StatusAsync(company, leaveId));
    }

    [Fact]
    public async Task On_a_chain_each_step_mails_its_own_links_and_a_link_works_only_at_its_step()
    {
        var company = await CreateTeamAsync(app);
        var (_, leaId) = await company.AddMemberAsync(app, name: "Lea Lead");
        await company.Admin.SetChainAsync(company.CompanyId, Step("NAMED_MEMBER", namedMembershipId: leaId), Step("COMPANY_ADMINS"));
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await company.Employee.CreateLeaveAsync(company.CompanyId, company.EmployeeMembershipId, "PAID", monday, monday);
        Assert.False(await app.MailedToAsync(leaveId, company.AdminMembershipId)); // HR's step comes later
        var leas = await app.DecisionTokenAsync(leaveId, leaId);

        var first = await ReadAsync(await app.DecideByLinkAsync(leas, "APPROVED"));
        Assert.Equal(("PENDING", 2, 2), (first.GetProperty("status").GetString(), first.GetProperty("step").GetInt32(), first.GetProperty("stepCount").GetInt32()));
        Assert.Equal("decision-link-used", await (await app.DecideByLinkAsync(leas, "APPROVED")).ProblemCodeAsync(HttpStatusCode.Gone));

        var hrs = await app.DecisionTokenAsync(leaveId, company.AdminMembershipId);
        var preview = await ReadAsync(await app.PreviewDecisionAsync(hrs));
        Assert.Equal((2, 2), (preview.GetProperty("step").GetInt32(), preview.GetProperty("stepCount").GetInt32()));
        Assert.Equal("APPROVED", (await ReadAsync(await app.DecideByLinkAsync(hrs, "APPROVED"))).GetProperty("status").GetString());
        var approval = await company.Employee.ApprovalAsync(company, leaveId);
        Assert.Equal([(1, leaId, (string?)null, "APPROVED"), (2, company.AdminMembershipId, null, "APPROVED")], approval.Decisions());
    }

    [Fact]
    public async Task Two_approvers_confirming_at_once_decide_the_request_once()
    {
        var (company, leaveId) = await PendingRequestAsync(app);
        var managers = await app.DecisionTokenAsync(leaveId, company.ManagerMembershipId);
        var admins = await app.DecisionTokenAsync(leaveId, company.AdminMembershipId);

        var answers = await Task.WhenAll(app.DecideByLinkAsync(managers, "APPROVED"), app.DecideByLinkAsync(admins, "REJECTED", "No"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Gone], answers.Select(a => a.StatusCode).Order());
        var history = await company.Employee.GetJsonAsync($"{company.LeavesUrl(company.EmployeeMembershipId)}/{leaveId}/history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("transition").GetString() is "APPROVED" or "REJECTED");
    }
}
