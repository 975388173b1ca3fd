using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using static Arkoa.Tests.Integration.TeamTestKit;

namespace Arkoa.Tests.Browser;

/// <summary>
/// A company with something on every page (a decided leave with the manager's words, a pending one, the admin's own
/// request, an invitation) and the list of the Web's pages, signed out and signed in as its admin: what the whole-Web
/// checks walk (phone layout, accessibility, screenshots).
/// </summary>
public sealed record EveryPageScene(ApiSession Admin, IReadOnlyList<string> SignedOutPaths, IReadOnlyList<string> SignedInPaths)
{
    public static async Task<EveryPageScene> CreateAsync(ArkoaAppFixture app, string language)
    {
        var admin = await ApiSession.SignUpAsync(app, "Dominique Administratrice-Longuenom");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync("/api/users/me", new { language })).StatusCode);
        var (companyId, adminMembershipId) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Camille Employée");
        var employeeMembershipId = await admin.AddMemberAsync(companyId, employee);
        await admin.CreditAsync(companyId, employeeMembershipId, "PAID", 10);

        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 5);
        var decided = await CreateLeaveAsync(employee, companyId, employeeMembershipId, monday, monday.AddDays(1),
            "Family wedding in Brittany with everyone");
        var review = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{decided}/review",
            new { status = "APPROVED", managerNote = "Manager approved: enjoy the celebration" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        await CreateLeaveAsync(employee, companyId, employeeMembershipId, monday.AddDays(7), monday.AddDays(7), "Appointment");
        var own = await CreateLeaveAsync(admin, companyId, adminMembershipId, monday.AddDays(14), monday.AddDays(15), "Paperwork");
        var inviteeEmail = ApiSession.UniqueEmail("phone-invitee");
        var invited = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships",
            new { email = inviteeEmail, role = "EMPLOYEE" });
        Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
        // The invitation's own page, as the invited person opens it from the mail (a token the test knows).
        var invitation = await AccountTestKit.KnownInvitationTokenAsync(await app.DatabaseConnectionStringAsync(), companyId, inviteeEmail);
        // Teams with something in them: a long name (it must wrap on a phone), a sub-team, a member and a team manager.
        var service = await admin.AddTeamAsync(companyId, "Service après-vente et relation client internationale");
        var night = await admin.AddTeamAsync(companyId, "Équipe de nuit", service);
        await admin.JoinTeamAsync(companyId, night, employeeMembershipId, isPrimary: true);
        await admin.ManageTeamAsync(companyId, service, employeeMembershipId);
        // Capacity (SPEC §12): the calendar opens on the admin's team, which has a minimum, and a team has a blackout.
        var defaultTeam = (await admin.DefaultTeamAsync(companyId)).Id;
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.Http.PutAsJsonAsync($"/api/companies/{companyId}/teams/{defaultTeam}/coverage", new { minimumPresent = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/blackout-periods",
            new { name = "Inventaire annuel du magasin central", startDate = monday.AddDays(21).Iso(), endDate = monday.AddDays(25).Iso(), teamId = service })).StatusCode);
        // A webhook with a long address and a test on its way, so the Webhooks page shows an address and its deliveries.
        var hook = await new TestCompany(admin, companyId, adminMembershipId).CreateWebhookAsync(
            "https://integrations.example.com/arkoa/webhooks/receiver-with-a-rather-long-path?team=after-sales", "leave.approved", "member.joined");
        await new TestCompany(admin, companyId, adminMembershipId).PingAsync(hook.Id);
        // And a Teams channel, so the page's chat section shows a channel. Loopback (the suite allows it): nothing leaves the machine.
        await new TestCompany(admin, companyId, adminMembershipId).CreateChatChannelAsync("TEAMS", "http://127.0.0.1:9/hook", "fr", "leave.canceled");

        // The Approve link of the admin's mail about the pending request, as the approver opens it (it decides nothing by itself).
        var approveLink = await PendingApproveLinkAsync(app, admin.Email);

        return new EveryPageScene(admin,
            ["/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=unknown", "/not-found", $"/invitations/{invitation}", approveLink],
            [
                "/companies", $"/companies/{companyId}", $"/companies/{companyId}/leaves", $"/companies/{companyId}/leaves/{own}/edit",
                $"/companies/{companyId}/approvals", $"/companies/{companyId}/team", $"/companies/{companyId}/team/{employeeMembershipId}",
                $"/companies/{companyId}/calendar", $"/companies/{companyId}/teams", $"/companies/{companyId}/approval-chain", $"/companies/{companyId}/settings",
                $"/companies/{companyId}/webhooks?endpoint={hook.Id}", "/profile", "/account/password",
            ]);
    }

    /// <summary>
    /// The admin's two "new request" mails each carry an Approve link; the one whose request is still pending opens the
    /// confirmation page with the request on it (the other's request was approved, so its link says so).
    /// </summary>
    private static async Task<string> PendingApproveLinkAsync(ArkoaAppFixture app, string adminEmail)
    {
        var inbox = app.Inbox();
        var api = app.Api();
        foreach (var mail in await inbox.WaitForAsync(adminEmail, count: 2))
        {
            foreach (var link in AccountTestKit.LinksIn(await inbox.PlainTextAsync(mail.Id)).Where(l => l.Query.EndsWith("&decision=approve", StringComparison.Ordinal)))
            {
                var token = Uri.UnescapeDataString(link.Query.Split("token=")[1].Split('&')[0]);
                if ((await api.PostAsJsonAsync("/api/mail-decisions/preview", new { token })).IsSuccessStatusCode) return link.PathAndQuery;
            }
        }
        throw new InvalidOperationException("No Approve link of a pending request reached the admin.");
    }

    /// <summary>A file name for the page, without its ids or tokens: "/companies/{id}/team/{id}" is "companies-id-team-id".</summary>
    public static string NameOf(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Split('?')[0], "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?<=^/invitations/).+", "id")
            .Replace('/', '-').Trim('-');

    private static async Task<string> CreateLeaveAsync(ApiSession session, string companyId, string membershipId,
        DateOnly start, DateOnly end, string reason)
    {
        var response = await session.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "PAID", startDate = start.Iso(), endDate = end.Iso(), reason });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }
}
