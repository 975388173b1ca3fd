using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using static Arkoa.Tests.Integration.ApprovalTestKit;

namespace Arkoa.Tests.Browser;

// The mails of an approval chain (SPEC §11): each step's approver and, after an escalation, the member.
public sealed partial class MailLinkBrowserTests
{
    [Fact]
    public async Task The_links_of_a_chain_s_step_mails_and_of_the_escalation_mail_open_the_request_for_each_recipient()
    {
        var team = await TestCompany.CreateAsync(app);
        var (admin, companyId) = (team.Admin, team.CompanyId);
        async Task<(ApiSession Session, string MembershipId)> EnglishMemberAsync(string name)
        {
            var session = await ApiSession.SignUpAsync(app, name);
            await session.UseEnglishAsync();
            return (session, await admin.AddMemberAsync(companyId, session));
        }
        var (lead, leadId) = await EnglishMemberAsync("Leo Lead");
        var (hr, hrId) = await EnglishMemberAsync("Hugo Hr");
        var (member, memberId) = await EnglishMemberAsync("Emma Asker");
        await admin.SetChainAsync(companyId, Step("NAMED_MEMBER", namedMembershipId: leadId), Step("NAMED_MEMBER", namedMembershipId: hrId));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync(team.Url(), new { escalateAfterWorkingDays = 1 })).StatusCode);
        var company = $"/companies/{companyId}";
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 12);
        var leaveId = await member.CreateLeaveAsync(companyId, memberId, "UNPAID", monday, monday.AddDays(1));

        // Step 1's approver, an employee, opens the request from the mail.
        await using var leadWeb = await WebBrowser.OpenAsync(app, chromium);
        var toLead = await MailAsync(lead.Email, s => s.StartsWith("Emma Asker requested a leave", StringComparison.Ordinal));
        await OpenAsRecipientAsync(leadWeb, lead, DecisionLinks(toLead).Review, $"{company}/approvals", $"#leave-{leaveId}", "Approvals");

        // Nobody decides: the Worker passes the request on to step 2; Hugo and Emma follow their mails' links.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));
        Assert.Equal("Done", (await new WorkerOps(app).RunAsync("step-escalation", companyId, today.AddDays(14))).GetProperty("status").GetString());
        await using var hrWeb = await WebBrowser.OpenAsync(app, chromium);
        var toHr = await MailAsync(hr.Email, s => s.StartsWith("Emma Asker requested a leave", StringComparison.Ordinal));
        await OpenAsRecipientAsync(hrWeb, hr, DecisionLinks(toHr).Review, $"{company}/approvals", $"#leave-{leaveId}", "Approvals");
        await using var memberWeb = await WebBrowser.OpenAsync(app, chromium);
        var passedOn = await MailAsync(member.Email, s => s == "Your leave request was passed on");
        Assert.Contains("it was passed on to Hugo Hr.", passedOn.Text);
        await OpenAsRecipientAsync(memberWeb, member, Assert.Single(passedOn.Links), $"{company}/leaves", $"#leave-{leaveId}", "My leaves");
    }
}
