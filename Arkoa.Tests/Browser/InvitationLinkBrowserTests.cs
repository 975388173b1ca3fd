using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// A mailed link that no longer opens what it was for says why, in the reader's language (issue 14 §10): an invitation
/// sent again, expired, or already accepted (its member is shown the way in), and a confirmation link clicked twice.
/// </summary>
public sealed class InvitationLinkBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Inviting_again_says_resent_and_the_earlier_link_then_the_expired_one_say_why_they_no_longer_work()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Link Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var companyName = (await admin.CompanyAsync(companyId)).GetProperty("name").GetString()!;
        var email = ApiSession.UniqueEmail("link-invitee");

        await using var manager = await WebBrowser.OpenAsync(app, chromium);
        await manager.SignInAsync(admin.Email, admin.Password);
        await manager.GoToAsync($"/companies/{companyId}/team");
        await InviteAsync(manager, email, $"Invitation sent to {email}.");
        var first = Assert.Single(await CompanyTestKit.InvitationTokensAsync(app, email));
        await InviteAsync(manager, email, $"Invitation sent again to {email}: the link of the earlier mail no longer works.");
        var second = Assert.Single(await CompanyTestKit.InvitationTokensAsync(app, email, count: 2), token => token != first);

        // The first mail's link, opened by someone with a French browser and no account: a newer mail holds the way in.
        await using (var french = await WebBrowser.OpenAsync(app, chromium, language: "fr"))
        {
            var response = await french.Page.GotoAsync($"/invitations/{Uri.EscapeDataString(first)}");
            Assert.Equal(410, response!.Status);
            var alert = french.Page.GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync("Une invitation plus récente remplace celle-ci");
            await Expect(alert).ToContainTextAsync($"Link Admin vous a envoyé une invitation plus récente à rejoindre {companyName}");
            await Expect(french.Page.Locator("main").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        }

        // Seven days pass: the newest link now says it has expired, and whom to ask.
        await CompanyTestKit.ScalarAsync(app, "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1", email);
        await using var english = await WebBrowser.OpenAsync(app, chromium);
        await english.GoToAsync($"/invitations/{Uri.EscapeDataString(second)}");
        var expired = english.Page.GetByRole(AriaRole.Alert);
        await Expect(expired).ToContainTextAsync("This invitation has expired");
        await Expect(expired).ToContainTextAsync($"This invitation to {companyName} has expired: ask Link Admin to send a new one.");
        await english.ScreenshotAsync("invitation-expired");
    }

    private static async Task InviteAsync(WebBrowser manager, string email, string notice)
    {
        await manager.Page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(notice);
    }

    [Fact]
    public async Task An_accepted_invitation_s_link_leads_its_member_into_the_company_after_signing_in()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Accepted Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var companyName = (await admin.CompanyAsync(companyId)).GetProperty("name").GetString()!;
        var email = ApiSession.UniqueEmail("accepted");
        await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email, role = "EMPLOYEE" });
        var token = Assert.Single(await CompanyTestKit.InvitationTokensAsync(app, email));
        var member = await CompanyTestKit.SignUpAsAsync(app, email, "Accepted Member");
        (await member.Http.PatchAsync("/api/users/me", JsonContent.Create(new { language = "en" }))).EnsureSuccessStatusCode();
        (await member.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null)).EnsureSuccessStatusCode();

        // Opened again from the mail, signed out: accepted, and signing in is the way on.
        await using var browser = await WebBrowser.OpenAsync(app, chromium);
        await browser.GoToAsync($"/invitations/{Uri.EscapeDataString(token)}");
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"This invitation to {companyName} was already accepted");
        await browser.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await browser.Page.Locator("#email").FillAsync(email);
        await browser.Page.Locator("#password").FillAsync(CompanyTestKit.Password);
        await browser.Page.Locator("form.form button[type=submit]").ClickAsync();

        // Back on the link, signed in as its member: no refusal, the company's door.
        await browser.Page.WaitForURLAsync("**/invitations/**");
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"You are already a member of {companyName}");
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = $"Open {companyName}" }).ClickAsync();
        await browser.Page.WaitForURLAsync($"**/companies/{companyId}");
    }

    [Fact]
    public async Task A_confirmation_link_opened_again_says_the_address_is_already_confirmed()
    {
        var user = await ApiSession.SignUpUnverifiedAsync(app);
        var (link, _, _) = await AccountTestKit.WaitForLinkAsync(app.Inbox(), user.Email, "Confirmez votre adresse e-mail", "verify-email");

        await using var browser = await WebBrowser.OpenAsync(app, chromium, language: "fr");
        for (var click = 0; click < 2; click++)
        {
            await browser.GoToAsync(link.PathAndQuery);
            await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon adresse" }).ClickAsync();
            await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(click == 0
                ? "Votre adresse e-mail est confirmée. Merci !"
                : "Ce lien a déjà servi : votre adresse e-mail est confirmée.");
            await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Continuer vers Arkoa" })).ToBeVisibleAsync();
        }
    }
}
