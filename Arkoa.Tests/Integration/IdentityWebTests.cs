using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Tests.Browser;
using Aspire.Hosting.Testing;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Web's side of proven addresses, through plain HTTP forms: the profile's e-mail change (password, pending
/// address, withdrawal) and the team page's invitations, which say the same for any address.
/// </summary>
public sealed class IdentityWebTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task The_profile_asks_for_the_password_to_change_the_address_and_shows_it_pending_until_confirmed()
    {
        var user = await PeopleBrowserKit.EnglishUserAsync(app, "Profile Mover");
        var newEmail = ApiSession.UniqueEmail("profile-new");
        using var browser = await SignedInBrowserAsync(user);

        var missing = await SaveAccountAsync(browser, newEmail, currentPassword: "");
        Assert.Contains("Give your current password to change the e-mail address.", missing);
        var saved = await SaveAccountAsync(browser, newEmail, user.Password);
        Assert.Contains("Saved. Open the link we sent to your new address to confirm it: your account keeps its current address until then.", saved);
        Assert.Contains($"Waiting for confirmation: {newEmail}.", WebForms.WithoutWrapHints(saved));
        Assert.Contains($"until then your account keeps {user.Email}.", WebForms.WithoutWrapHints(saved));
        Assert.DoesNotContain(user.Password, saved);
        Assert.Equal(user.Email, (await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("user").GetProperty("email").GetString());

        // Changing one's mind: the current address is kept and the mailed link stops working.
        var (_, token, _) = await WaitForLinkAsync(app.Inbox(), newEmail, "Confirm your new e-mail address", "confirm-email");
        var kept = WebUtility.HtmlDecode(await (await WebForms.PostFormAsync(browser, "/profile", "profile-cancel-email", [])).Content.ReadAsStringAsync());
        Assert.Contains("The change of e-mail address is withdrawn.", kept);
        Assert.DoesNotContain("Waiting for confirmation", kept);
        await AuthFlowTests.Assert400WithField(await app.Api().PostAsJsonAsync("/api/auth/confirm-email-change", new { token }), "token");

        // A wrong password is said on the form and not echoed (last: it delays the next password check, SignInDelay).
        var wrong = await SaveAccountAsync(browser, newEmail, currentPassword: "not my password 1");
        Assert.Contains("The current password is wrong.", wrong);
        Assert.DoesNotContain("not my password 1", wrong);
    }

    [Fact]
    public async Task The_team_page_says_invitation_sent_whether_or_not_the_address_has_an_account()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Web Team Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var existing = await ApiSession.SignUpAsync(app, "Has An Account");
        var unknown = ApiSession.UniqueEmail("no-account");
        using var browser = await SignedInBrowserAsync(admin);

        foreach (var email in new[] { existing.Email, unknown })
        {
            var page = WebUtility.HtmlDecode(await (await WebForms.PostFormAsync(browser, $"/companies/{companyId}/team", "invite", new()
            {
                ["Input.Email"] = email,
                ["Input.Role"] = "EMPLOYEE",
            })).Content.ReadAsStringAsync());
            Assert.Contains($"Invitation sent to {email}.", page);
        }

        var team = WebUtility.HtmlDecode(await browser.GetStringAsync($"/companies/{companyId}/team"));
        var invitations = team[team.IndexOf("invitations-heading", StringComparison.Ordinal)..];
        Assert.Contains(existing.Email, invitations);
        Assert.Contains(unknown, invitations);
        Assert.DoesNotContain("Has An Account", team);
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/companies/{companyId}/memberships")).GetProperty("total").GetInt32());

        // The notice's subject is read only from the Web's own encrypted value: a hand-written or altered one names
        // nobody (no notice), and the page still works.
        foreach (var forged in new[] { existing.Email, "not-a-protected-value", "%E2%80%AE" + new string('x', 3000) })
        {
            var forgedPage = await browser.GetAsync($"/companies/{companyId}/team?done=invited&who={forged}");
            Assert.Equal(HttpStatusCode.OK, forgedPage.StatusCode);
            Assert.DoesNotContain("Invitation sent to", await forgedPage.Content.ReadAsStringAsync());
        }
    }

    private async Task<HttpClient> SignedInBrowserAsync(ApiSession user)
    {
        var browser = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        var signedIn = await WebForms.PostFormAsync(browser, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.DoesNotContain("/sign-in", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        return browser;
    }

    private static async Task<string> SaveAccountAsync(HttpClient browser, string email, string currentPassword)
    {
        var response = await WebForms.PostFormAsync(browser, "/profile", "profile-account", new()
        {
            ["Input.Name"] = "Profile Mover",
            ["Input.Email"] = email,
            ["Input.CurrentPassword"] = currentPassword,
        });
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
