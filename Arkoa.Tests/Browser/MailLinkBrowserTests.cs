using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Arkoa.Core.Outbox;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Issue 14 §1: every link of every mail the system sends, taken from the real mail in smtp4dev and opened in Chromium
/// by its recipient, leads to the page it promises, in the mail's company and at the leave where the page shows it:
/// never "Page not found", and signing in from a link comes back to the link's page. A French recipient's mails are
/// French through and through (issue 14 §5).
/// </summary>
public sealed partial class MailLinkBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_links_of_the_leave_digest_and_membership_mails_open_the_company_s_pages_at_the_leave_after_signing_in()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 25);
        await team.Admin.UseEnglishAsync();
        var companyName = (await team.Admin.GetJsonAsync($"/api/companies/{team.CompanyId}")).GetProperty("name").GetString()!;
        var member = await ApiSession.SignUpAsync(app, "Eve Employee");
        await member.UseEnglishAsync();
        var membershipId = await team.Admin.AddMemberAsync(team.CompanyId, member);
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 10);

        // One leave goes through every mail: requested, still pending after 48 hours (digest), approved, canceled. Each
        // link is followed while it is news, when the page it leads to still shows the leave as the mail tells it.
        var company = $"/companies/{team.CompanyId}";
        await using var adminWeb = await WebBrowser.OpenAsync(app, chromium);
        await using var memberWeb = await WebBrowser.OpenAsync(app, chromium);
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, "PAID", monday, monday.AddDays(1), endHalf: "MORNING");
        var submitted = await MailAsync(team.Admin.Email, s => s.StartsWith("Eve Employee requested a leave", StringComparison.Ordinal));
        Assert.Contains($"Eve Employee requested: Paid leave from {monday:MMM d, yyyy} to {monday.AddDays(1):MMM d, yyyy} (1.5 working days).", submitted.Text);
        await OpenAsRecipientAsync(adminWeb, team.Admin, DecisionLinks(submitted).Review, $"{company}/approvals", $"#leave-{leaveId}", "Approvals");

        var ops = new WorkerOps(app);
        Assert.Equal(1, await ops.ExecuteSqlAsync("UPDATE leaves SET created_at = now() - interval '3 days' WHERE id = $1", Guid.Parse(leaveId)));
        var companyToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, MailTimeZones.Default));
        Assert.Equal("Done", (await ops.RunAsync("pending-digest", team.CompanyId, companyToday.AddDays(1))).GetProperty("status").GetString());
        var digest = await ReadAsync((await app.Inbox().WaitForAsync(team.Admin.Email, count: 2))
            .First(m => m.Subject == $"{companyName}: 1 leave request waiting for more than 48 hours"));
        await OpenAsRecipientAsync(adminWeb, team.Admin, Assert.Single(digest.Links), $"{company}/approvals", null, "Approvals");

        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" })).StatusCode);
        var reviewed = await MailAsync(member.Email, s => s == "Your leave was approved");
        await OpenAsRecipientAsync(memberWeb, member, Assert.Single(reviewed.Links), $"{company}/leaves", $"#leave-{leaveId}", "My leaves");

        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync($"{team.LeavesUrl(membershipId)}/{leaveId}/cancel", new { })).StatusCode);
        var canceled = await MailAsync(member.Email, s => s == "Your leave was canceled");
        await OpenAsRecipientAsync(memberWeb, member, Assert.Single(canceled.Links), $"{company}/leaves", $"#leave-{leaveId}", "My leaves");

        // The Api no longer adds members without an invitation, but a mail of that kind queued before still goes out.
        await AccountTestKit.ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(), """
            INSERT INTO outbox_messages (id, kind, payload, attempts, next_attempt_at, created_at, updated_at)
            VALUES (@id, @kind, @payload::jsonb, 0, now(), now(), now())
            """, ("id", Guid.CreateVersion7()), ("kind", OutboxKinds.MembershipAdded), ("payload", OutboxMessageFactory.Create(OutboxKinds.MembershipAdded,
                new MembershipAddedPayload(member.Email, "Eve Employee", companyName, "EMPLOYEE", "Ada Admin", "en", Guid.Parse(team.CompanyId))).Payload));
        var added = await MailAsync(member.Email, s => s == $"You were added to {companyName}");
        await OpenAsRecipientAsync(memberWeb, member, Assert.Single(added.Links), company, null, "Dashboard");
    }

    [Fact]
    public async Task The_links_of_the_account_and_invitation_mails_open_their_pages_and_a_french_recipient_reads_only_french()
    {
        // Sign-up: the verification mail, to an account that keeps the default language, French.
        var newcomer = ApiSession.UniqueEmail("fr-newcomer");
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/sign-up",
            new { name = "Noé Nouveau", email = newcomer, password = ApiSession.StrongPassword() })).StatusCode);
        var verify = await MailAsync(newcomer, s => s == "Confirmez votre adresse e-mail");

        // A verified French account: a reset, a password change, an invitation it sends, and a change of address.
        var user = await ApiSession.SignUpAsync(app, "Fanny Français");
        var (companyId, _) = await user.CreateCompanyAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsJsonAsync("/api/auth/forgot-password", new { email = user.Email })).StatusCode);
        var reset = await MailAsync(user.Email, s => s == "Réinitialisez votre mot de passe Arkoa");
        var newPassword = ApiSession.StrongPassword();
        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = user.Password, newPassword })).StatusCode);
        var changed = await MailAsync(user.Email, s => s == "Votre mot de passe Arkoa a été modifié");

        var invitee = ApiSession.UniqueEmail("fr-invitee");
        Assert.Equal(HttpStatusCode.Accepted, (await user.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships",
            new { email = invitee, role = "EMPLOYEE" })).StatusCode);
        var invitation = await MailAsync(invitee, s => s.StartsWith("Fanny Français vous invite à rejoindre", StringComparison.Ordinal));

        var newAddress = ApiSession.UniqueEmail("fr-moved");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync("/api/users/me", new { email = newAddress, currentPassword = newPassword })).StatusCode);
        var confirm = await MailAsync(newAddress, s => s == "Confirmez votre nouvelle adresse e-mail");
        var token = Uri.UnescapeDataString(Assert.Single(confirm.Links).Query.Split("token=")[1]);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api().PostAsJsonAsync("/api/auth/confirm-email-change", new { token })).StatusCode);
        var moved = await MailAsync(user.Email, s => s == "L'adresse e-mail de votre compte Arkoa a été modifiée");

        foreach (var mail in new[] { verify, reset, changed, invitation, confirm, moved })
        {
            Assert.False(English().IsMatch(mail.Text), $"English in a French mail: {English().Match(mail.Text).Value}\n{mail.Text}");
        }
        Assert.Contains("(Europe/Paris)", changed.Text);
        Assert.Contains("(Europe/Paris)", moved.Text);

        await using var web = await WebBrowser.OpenAsync(app, chromium, language: "fr");
        await OpenAsRecipientAsync(web, null, Assert.Single(verify.Links), "/verify-email", null, null);
        await OpenAsRecipientAsync(web, null, Assert.Single(reset.Links), "/reset-password", null, null);
        await OpenAsRecipientAsync(web, null, Assert.Single(changed.Links), "/forgot-password", null, null);
        var invitationLink = Assert.Single(invitation.Links);
        Assert.StartsWith("/invitations/", invitationLink.AbsolutePath);
        await OpenAsRecipientAsync(web, null, invitationLink, invitationLink.AbsolutePath, null, null);
        await Expect(web.Page.Locator("main")).ToContainTextAsync(invitee, ContainsWait);
        await OpenAsRecipientAsync(web, null, Assert.Single(moved.Links), "/undo-email-change", null, null);
    }

    private sealed record Mail(string Text, IReadOnlyList<Uri> Links);

    private async Task<Mail> MailAsync(string recipient, Func<string, bool> subject) =>
        await ReadAsync(await app.Inbox().WaitForOneAsync(recipient, subject));

    private async Task<Mail> ReadAsync(SmtpInbox.Message message)
    {
        var text = await app.Inbox().PlainTextAsync(message.Id);
        return new Mail(text, AccountTestKit.LinksIn(text));
    }

    /// <summary>
    /// Opens <paramref name="link"/> as its recipient: a page that needs a session sends them to sign in, and signing
    /// in brings them back to it. Then the page is <paramref name="path"/>, not the not-found page, with the leave of
    /// <paramref name="target"/> on it and <paramref name="heading"/> as its title when they are given.
    /// </summary>
    private static async Task OpenAsRecipientAsync(WebBrowser web, ApiSession? recipient, Uri link, string path, string? target, string? heading)
    {
        var page = web.Page;
        Assert.Equal(target ?? "", link.Fragment);
        await page.GotoAsync(link.PathAndQuery + link.Fragment);
        if (new Uri(page.Url).AbsolutePath == "/sign-in")
        {
            Assert.NotNull(recipient);
            await page.Locator("#email").FillAsync(recipient.Email);
            await page.Locator("#password").FillAsync(recipient.Password);
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/sign-in");
        }

        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
        var title = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(title).Not.ToHaveTextAsync(new Regex("Page not found|Page introuvable"));
        if (heading is not null) await Expect(title).ToHaveTextAsync(heading, TextWait);
        if (target is null) return;
        // The browser never sends a fragment, so the sign-in's return address lacks it: the leave must still be the
        // one the page points at and marks, not merely somewhere on it.
        Assert.Equal(target, new Uri(page.Url).Fragment);
        await Expect(page.Locator(target)).ToBeVisibleAsync();
        await Expect(page.Locator(target)).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator("tr[aria-current=true], li[aria-current=true]")).ToHaveCountAsync(1);
    }

    // Words of the English mails that French never uses: one of them in a French mail is an untranslated text.
    [GeneratedRegex(@"\b(Hello|the|your|you|and|was|link|Choose|Confirm|leave|days?|UTC|PAID)\b")]
    private static partial Regex English();
}
