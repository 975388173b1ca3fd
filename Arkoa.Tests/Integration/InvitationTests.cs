using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Invitations: the mailed 7-day link, preview, acceptance (signed in, with the invited address confirmed),
/// replacement, expiry, revocation.
/// </summary>
public sealed class InvitationTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    /// <summary>The anonymous preview of a link that no longer opens its invitation: 410 with its reason's code.</summary>
    private static async Task<JsonElement> ClosedLinkAsync(ArkoaAppFixture app, string token, string code)
    {
        var problem = await AccountTestKit.ProblemAsync(await app.Api().GetAsync($"/api/invitations/{Uri.EscapeDataString(token)}"), HttpStatusCode.Gone);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    private static async Task<(string CompanyId, string CompanyName, ApiSession Admin)> CompanyAsync(ArkoaAppFixture app)
    {
        var admin = await ApiSession.SignUpAsync(app, "Inviting Admin");
        var (companyId, _) = await admin.CreateCompanyAsync(annualLeaveDays: 24);
        var name = (await admin.GetJsonAsync($"/api/companies/{companyId}")).GetProperty("name").GetString()!;
        return (companyId, name, admin);
    }

    [Fact]
    public async Task An_unknown_email_gets_a_mailed_link_whose_token_joins_the_company_once_signed_up()
    {
        var (companyId, companyName, admin) = await CompanyAsync(app);
        var email = ApiSession.UniqueEmail("invitee");

        var response = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email, role = "MANAGER" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var invitation = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(email, invitation.GetProperty("email").GetString());
        Assert.Equal("MANAGER", invitation.GetProperty("role").GetString());
        var expiresAt = invitation.GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expiresAt, DateTime.UtcNow.AddDays(7).AddMinutes(-5), DateTime.UtcNow.AddDays(7).AddMinutes(5));
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/companies/{companyId}/invitations")).GetProperty("total").GetInt32());

        // The mail really arrives, in French by default, with the 7-day link.
        var mail = Assert.Single(await app.Inbox().WaitForAsync(email));
        Assert.Equal($"Inviting Admin vous invite à rejoindre {companyName} sur Arkoa", mail.Subject);
        var token = Assert.Single(await InvitationTokensAsync(app, email));

        // Anyone holding the link sees what it is for, without a session.
        var preview = await app.Api().GetFromJsonAsync<JsonElement>($"/api/invitations/{Uri.EscapeDataString(token)}");
        Assert.Equal(companyName, preview.GetProperty("companyName").GetString());
        Assert.Equal(email, preview.GetProperty("email").GetString());
        Assert.Equal("MANAGER", preview.GetProperty("role").GetString());
        Assert.Equal(expiresAt, preview.GetProperty("expiresAt").GetDateTime());
        Assert.Equal("Inviting Admin", preview.GetProperty("invitedByName").GetString());

        // The invitee signs up with the same address (case does not matter): an account alone proves nothing, so
        // accepting waits until the address is confirmed through the mail it receives.
        var invitee = await ApiSession.SignUpUnverifiedAsync(app, "Nina Invited", email.ToUpperInvariant(), Password);
        var early = await invitee.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null);
        Assert.Contains("Confirm your e-mail address first", (await AccountTestKit.ProblemAsync(early, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        Assert.Equal(0, (await invitee.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        var (_, verifyToken, _) = await AccountTestKit.WaitForLinkAsync(app.Inbox(), email, "Confirmez votre adresse e-mail", "verify-email");
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token = verifyToken })).StatusCode);
        var accepted = await invitee.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var membership = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var membershipId = membership.GetProperty("id").GetString()!;
        Assert.Equal("MANAGER", membership.GetProperty("role").GetString());
        Assert.Equal(InitialPaidDays(24), await invitee.BalanceAsync(companyId, membershipId, "PAID"));
        Assert.Equal(0m, await invitee.BalanceAsync(companyId, membershipId, "RTT"));
        Assert.Equal("AUTO_CREDIT", Assert.Single(await invitee.HistoryAsync(companyId, membershipId)).GetProperty("type").GetString());
        Assert.Equal("MANAGER", (await invitee.GetJsonAsync($"/api/companies/{companyId}")).GetProperty("userRole").GetString());
        Assert.Equal(membershipId, (await invitee.GetJsonAsync("/api/auth/session")).GetProperty("user").GetProperty("activeMembershipId").GetString());

        // Used: the link is spent and says so (issue 14 §10), and the member following it again is told they are in.
        var spent = await ClosedLinkAsync(app, token, "invitation-accepted");
        Assert.Equal(companyName, spent.GetProperty("companyName").GetString());
        Assert.Equal("you-are-already-member", (await AccountTestKit.ProblemAsync(
            await invitee.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null), HttpStatusCode.Conflict)).GetProperty("code").GetString());
        // Someone else holding the spent link (a forwarded mail) gets the same answer as anyone, and no way in.
        var stranger = await ApiSession.SignUpAsync(app);
        Assert.Equal("invitation-accepted", (await AccountTestKit.ProblemAsync(
            await stranger.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null), HttpStatusCode.Gone)).GetProperty("code").GetString());
        Assert.Equal(0, (await stranger.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/companies/{companyId}/invitations")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_mail_speaks_the_invited_accounts_language_else_the_inviters()
    {
        var admin = await ApiSession.SignUpAsync(app, "Jo Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var companyName = (await admin.GetJsonAsync($"/api/companies/{companyId}")).GetProperty("name").GetString()!;
        var member = await ApiSession.SignUpAsync(app, "Sam Member");
        // The language is a profile setting; set it directly so this test depends on no other endpoint.
        await ScalarAsync(app, "UPDATE users SET language = 'en' WHERE id = $1", Guid.Parse(admin.UserId));
        var email = ApiSession.UniqueEmail("english");

        await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email, role = "EMPLOYEE" });
        await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email = member.Email, role = "EMPLOYEE" });

        var invitation = Assert.Single(await app.Inbox().WaitForAsync(email));
        Assert.Equal($"Jo Admin invites you to join {companyName} on Arkoa", invitation.Subject);
        Assert.Contains("valid for 7 days", await app.Inbox().PlainTextAsync(invitation.Id));
        // Sam's account speaks French (the default), whatever the inviter speaks.
        await app.Inbox().WaitForOneAsync(member.Email, s => s == $"Jo Admin vous invite à rejoindre {companyName} sur Arkoa");
    }

    [Fact]
    public async Task Inviting_again_replaces_the_open_invitation_and_resends_the_link()
    {
        var (companyId, _, admin) = await CompanyAsync(app);
        var email = ApiSession.UniqueEmail("twice");
        var url = $"/api/companies/{companyId}/memberships";

        var sent = await admin.Http.PostAsJsonAsync(url, new { email, role = "EMPLOYEE" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.False((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resent").GetBoolean());
        var first = Assert.Single(await InvitationTokensAsync(app, email));
        var resent = await admin.Http.PostAsJsonAsync(url, new { email = email.ToUpperInvariant(), role = "ADMIN" });
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.True((await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resent").GetBoolean());
        var second = Assert.Single(await InvitationTokensAsync(app, email, count: 2), t => t != first);

        var open = await admin.GetJsonAsync($"/api/companies/{companyId}/invitations");
        Assert.Equal(1, open.GetProperty("total").GetInt32());
        Assert.Equal("ADMIN", open.GetProperty("items")[0].GetProperty("role").GetString());
        // The first mail's link says a newer one was sent, and by whom.
        Assert.Equal("Inviting Admin", (await ClosedLinkAsync(app, first, "invitation-replaced")).GetProperty("invitedByName").GetString());
        Assert.Equal("ADMIN", (await app.Api().GetFromJsonAsync<JsonElement>($"/api/invitations/{Uri.EscapeDataString(second)}")).GetProperty("role").GetString());

        var invitee = await SignUpAsAsync(app, email);
        Assert.Equal("invitation-replaced", (await AccountTestKit.ProblemAsync(
            await invitee.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(first)}/accept", null), HttpStatusCode.Gone)).GetProperty("code").GetString());
        Assert.Equal(0, (await invitee.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await invitee.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(second)}/accept", null)).StatusCode);
        // Once accepted, every link the invitation ever had says so: the person is in, whichever mail they open.
        await ClosedLinkAsync(app, first, "invitation-accepted");
        await ClosedLinkAsync(app, second, "invitation-accepted");
    }

    [Fact]
    public async Task Only_the_invited_address_can_accept()
    {
        var (companyId, _, admin) = await CompanyAsync(app);
        var email = ApiSession.UniqueEmail("intended");
        await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email, role = "EMPLOYEE" });
        var token = Uri.EscapeDataString(Assert.Single(await InvitationTokensAsync(app, email)));
        var someoneElse = await ApiSession.SignUpAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await someoneElse.Http.PostAsync($"/api/invitations/{token}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync($"/api/invitations/{token}/accept", null)).StatusCode);
        Assert.Equal(0, (await someoneElse.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/companies/{companyId}/memberships")).GetProperty("total").GetInt32());
        // Still open for the right person.
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync($"/api/invitations/{token}")).StatusCode);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused()
    {
        var (companyId, _, admin) = await CompanyAsync(app);
        var email = ApiSession.UniqueEmail("late");
        await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email, role = "EMPLOYEE" });
        var token = Uri.EscapeDataString(Assert.Single(await InvitationTokensAsync(app, email)));
        var invitee = await SignUpAsAsync(app, email);

        // Seven days pass.
        await ScalarAsync(app, "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1", email);

        Assert.Equal("Inviting Admin", (await ClosedLinkAsync(app, Uri.UnescapeDataString(token), "invitation-expired")).GetProperty("invitedByName").GetString());
        Assert.Equal("invitation-expired", (await AccountTestKit.ProblemAsync(
            await invitee.Http.PostAsync($"/api/invitations/{token}/accept", null), HttpStatusCode.Gone)).GetProperty("code").GetString());
        Assert.Equal(0, (await invitee.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/companies/{companyId}/invitations")).GetProperty("total").GetInt32());


        // Inviting again replaces an expired invitation with a fresh one.
        var other = ApiSession.UniqueEmail("late-again");
        await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email = other, role = "EMPLOYEE" });
        var stale = Assert.Single(await InvitationTokensAsync(app, other));
        await ScalarAsync(app, "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1", other);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email = other, role = "EMPLOYEE" })).StatusCode);
        var fresh = Assert.Single(await InvitationTokensAsync(app, other, count: 2), t => t != stale);
        await ClosedLinkAsync(app, stale, "invitation-replaced");
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync($"/api/invitations/{Uri.EscapeDataString(fresh)}")).StatusCode);
    }

    [Fact]
    public async Task Accepting_when_already_a_member_is_a_conflict()
    {
        var (companyId, _, admin) = await CompanyAsync(app);
        var email = ApiSession.UniqueEmail("early");
        await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email, role = "EMPLOYEE" });
        var token = Uri.EscapeDataString(Assert.Single(await InvitationTokensAsync(app, email)));
        // They signed up meanwhile and became a member some other way (a membership from before invitations, say).
        var invitee = await SignUpAsAsync(app, email);
        await app.AddMemberAsync(companyId, invitee);

        Assert.Equal(HttpStatusCode.Conflict, (await invitee.Http.PostAsync($"/api/invitations/{token}/accept", null)).StatusCode);
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/companies/{companyId}/memberships")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Unknown_tokens_are_not_found()
    {
        var user = await ApiSession.SignUpAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync("/api/invitations/not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.PostAsync("/api/invitations/not-a-token/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/invitations/{new string('x', 300)}")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_invitation_no_longer_works_and_only_managers_revoke()
    {
        var team = await CreateTeamAsync(app);
        var email = ApiSession.UniqueEmail("revoked");
        await team.Manager.Http.PostAsJsonAsync(team.Url("/memberships"), new { email, role = "EMPLOYEE" });
        var earlier = Assert.Single(await InvitationTokensAsync(app, email));
        // Sent twice: withdrawing forgets the earlier link too, which then reads as unknown, not as "replaced".
        var invitation = await (await team.Manager.Http.PostAsJsonAsync(team.Url("/memberships"), new { email, role = "EMPLOYEE" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var token = Uri.EscapeDataString(Assert.Single(await InvitationTokensAsync(app, email, count: 2), t => t != earlier));
        var revokeUrl = team.Url($"/invitations/{invitation.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.DeleteAsync(revokeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Manager.Http.DeleteAsync(revokeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Manager.Http.DeleteAsync(revokeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/invitations/{token}")).StatusCode);
        var unknown = await AccountTestKit.ProblemAsync(await app.Api().GetAsync($"/api/invitations/{Uri.EscapeDataString(earlier)}"), HttpStatusCode.NotFound);
        Assert.Equal("invitation-not-found", unknown.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_existing_user_joins_by_accepting_and_keeps_their_active_company()
    {
        var (companyId, _, admin) = await CompanyAsync(app);
        var invitee = await ApiSession.SignUpAsync(app);
        var (_, ownMembershipId) = await invitee.CreateCompanyAsync();
        // Invited, then accepting: the company they already show stays the active one.
        var added = await admin.AddMemberAsync(companyId, invitee);

        Assert.NotEqual(added, ownMembershipId);
        Assert.Equal(ownMembershipId, (await invitee.GetJsonAsync("/api/auth/session")).GetProperty("user").GetProperty("activeMembershipId").GetString());
        Assert.Equal(2, (await invitee.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Someone_who_signed_up_with_the_invited_address_without_owning_it_cannot_accept()
    {
        var (companyId, _, admin) = await CompanyAsync(app);
        var victim = ApiSession.UniqueEmail("victim");
        Assert.Equal(HttpStatusCode.Accepted,
            (await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email = victim, role = "ADMIN" })).StatusCode);
        var token = Uri.EscapeDataString(Assert.Single(await InvitationTokensAsync(app, victim)));
        // Someone who got hold of the link (a forwarded mail, say) takes the address for an account of their own.
        var squatter = await ApiSession.SignUpUnverifiedAsync(app, "Squatter", victim);

        var refused = await squatter.Http.PostAsync($"/api/invitations/{token}/accept", null);

        await AccountTestKit.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await squatter.Http.GetAsync($"/api/companies/{companyId}")).StatusCode);
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/companies/{companyId}/memberships")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync($"/api/invitations/{token}")).StatusCode);
        // Nor can they start a company of their own until the address is proven.
        var company = await squatter.Http.PostAsJsonAsync("/api/companies", new { name = $"Squat {Guid.NewGuid():N}", annualLeaveDays = 25 });
        await AccountTestKit.ProblemAsync(company, HttpStatusCode.Forbidden);
    }
}
