using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The managers' and the account's pages in a real browser against the real AppHost: inviting someone who then joins
/// through the mailed link, roles and deactivation, a manual balance adjustment, the company settings, the profile.
/// </summary>
public sealed class PeopleBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    private static PageGetByLabelOptions Exact => new() { Exact = true };

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_manager_invites_someone_who_signs_up_from_the_mail_joins_and_is_then_promoted_and_deactivated()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Team Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var companyName = (await admin.CompanyAsync(companyId)).GetProperty("name").GetString()!;
        var email = ApiSession.UniqueEmail("web-invitee");

        await using var manager = await WebBrowser.OpenAsync(app, chromium);
        await manager.SignInAsync(admin.Email, admin.Password);
        await manager.GoToAsync($"/companies/{companyId}/team");
        await manager.Page.GetByLabel("E-mail", Exact).FillAsync(email);
        await manager.Page.GetByLabel("Role", Exact).SelectOptionAsync("EMPLOYEE");
        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Invitation sent to {email}.");
        await Expect(manager.Page.Locator("section[aria-labelledby=invitations-heading]")).ToContainTextAsync(email);

        // The mail reaches smtp4dev; its link opens the invitation page of the Web.
        var token = Assert.Single(await CompanyTestKit.InvitationTokensAsync(app, email));
        await using (var invitee = await WebBrowser.OpenAsync(app, chromium))
        {
            await invitee.GoToAsync($"/invitations/{Uri.EscapeDataString(token)}");
            await Expect(invitee.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Join {companyName}");
            await Expect(invitee.Page.Locator("main")).ToContainTextAsync($"Team Admin invites you to join {companyName} on Arkoa as Employee.");

            await invitee.Page.GetByRole(AriaRole.Link, new() { Name = "Create my account" }).ClickAsync();
            await Expect(invitee.Page.GetByLabel("E-mail", Exact)).ToHaveValueAsync(email);
            await invitee.Page.GetByLabel("Name", Exact).FillAsync("Web Invitee");
            await invitee.Page.GetByLabel("Password", Exact).FillAsync("olive comet 29 drum");
            await invitee.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

            // No session from signing up: the page says to check the inbox, and signing in leads back to the invitation.
            await Expect(invitee.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your inbox");
            await invitee.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
            await invitee.Page.Locator("#email").FillAsync(email);
            await invitee.Page.Locator("#password").FillAsync("olive comet 29 drum");
            await invitee.Page.Locator("form.form button[type=submit]").ClickAsync();
            await invitee.Page.WaitForURLAsync($"**/invitations/**");

            // Signed in, the address not confirmed yet: the page explains and offers the link again, not the acceptance.
            await Expect(invitee.Page.Locator("main")).ToContainTextAsync($"Confirm your address {email} first");
            await Expect(invitee.Page.GetByRole(AriaRole.Button, new() { Name = $"Accept and join {companyName}" })).ToHaveCountAsync(0);
            await invitee.Page.GetByRole(AriaRole.Button, new() { Name = "Send the confirmation link again" }).ClickAsync();
            await Expect(invitee.Page.Locator("main")).ToContainTextAsync($"A new link is on its way to {email}.");

            // The link of the confirmation mail, opened in the same browser; then the invitation can be accepted.
            var (confirmLink, _, _) = await AccountTestKit.WaitForLinkAsync(app.Inbox(), email, "Confirm your e-mail address", "verify-email");
            await invitee.GoToAsync(confirmLink.PathAndQuery);
            await invitee.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
            await Expect(invitee.Page.Locator("main")).ToContainTextAsync("Your e-mail address is confirmed.");
            await invitee.GoToAsync($"/invitations/{Uri.EscapeDataString(token)}");
            await invitee.Page.GetByRole(AriaRole.Button, new() { Name = $"Accept and join {companyName}" }).ClickAsync();
            await invitee.Page.WaitForURLAsync($"**/companies/{companyId}");
        }
        var joined = await admin.MembershipOfAsync(companyId, email);
        Assert.Equal("EMPLOYEE", joined.GetProperty("role").GetString());

        // The manager sees the new member, promotes them, then deactivates them.
        await manager.GoToAsync($"/companies/{companyId}/team");
        await manager.Page.GetByLabel("New role for Web Invitee").SelectOptionAsync("MANAGER");
        await manager.Page.Locator("tr", new() { HasText = "Web Invitee" }).GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The role of Web Invitee is changed.");
        Assert.Equal("MANAGER", (await admin.MembershipOfAsync(companyId, email)).GetProperty("role").GetString());

        // Deactivating asks first: opening the confirmation changes nothing, confirming does.
        var inviteeRow = manager.Page.Locator("tr", new() { HasText = "Web Invitee" });
        await inviteeRow.Locator("details.confirm > summary").ClickAsync();
        await Expect(inviteeRow).ToContainTextAsync("Deactivate Web Invitee? They can no longer open this company");
        Assert.True((await admin.MembershipOfAsync(companyId, email)).GetProperty("active").GetBoolean());
        await inviteeRow.GetByRole(AriaRole.Button, new() { Name = "Yes, deactivate Web Invitee" }).ClickAsync();
        await Expect(manager.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Web Invitee is deactivated.");
        Assert.False((await admin.MembershipOfAsync(companyId, email)).GetProperty("active").GetBoolean());
        await Expect(manager.Page.GetByRole(AriaRole.Button, new() { Name = "Reactivate Web Invitee" })).ToBeVisibleAsync();

        // The admin's own row offers nothing that must fail (demoting or deactivating the last admin, or oneself).
        var ownRow = manager.Page.Locator("tr", new() { HasText = "Team Admin" });
        await Expect(ownRow).ToContainTextAsync("(you)");
        await Expect(ownRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(ownRow.Locator("select, details")).ToHaveCountAsync(0);
        await manager.ScreenshotAsync("team");
    }

    [Fact]
    public async Task The_team_page_offers_only_what_the_Api_allows_no_control_on_ones_own_row_nor_on_an_admin_for_a_manager_in_French()
    {
        // Two admins, so the own row is not spared by the last-admin rule alone: nobody changes their own membership.
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var second = await ApiSession.SignUpAsync(app, "Bertrand Second");
        await team.Admin.AddMemberAsync(team.CompanyId, second, "ADMIN");
        var teamPath = $"/companies/{team.CompanyId}/team";

        await using var admin = await WebBrowser.OpenAsync(app, chromium, language: "fr");
        await admin.SignInAsync(team.Admin.Email, team.Admin.Password);
        await admin.GoToAsync(teamPath);
        var ownRow = admin.Page.Locator("tr", new() { HasText = "Admin User" });
        await Expect(ownRow).ToContainTextAsync("(vous)");
        await Expect(ownRow.Locator("select, details, button")).ToHaveCountAsync(0);
        var secondRow = admin.Page.Locator("tr", new() { HasText = "Bertrand Second" });
        await Expect(secondRow.GetByLabel("Nouveau rôle de Bertrand Second")).ToBeVisibleAsync();
        await Expect(secondRow.Locator("details.confirm > summary")).ToContainTextAsync("Désactiver");

        // A manager acts on employees only, and never on their own row.
        await using var manager = await WebBrowser.OpenAsync(app, chromium, language: "fr");
        await manager.SignInAsync(team.Manager.Email, team.Manager.Password);
        await manager.GoToAsync(teamPath);
        foreach (var name in new[] { "Admin User", "Bertrand Second", "Manager User" })
        {
            await Expect(manager.Page.Locator("tr", new() { HasText = name }).Locator("select, details, button")).ToHaveCountAsync(0);
        }
        var employeeRow = manager.Page.Locator("tr", new() { HasText = "Employee User" });
        await Expect(employeeRow.Locator("select")).ToHaveCountAsync(0);
        await Expect(employeeRow.Locator("details.confirm > summary")).ToContainTextAsync("Désactiver");
        await manager.ScreenshotAsync("team-manager-fr");
    }

    [Fact]
    public async Task A_manual_adjustment_on_the_member_page_shows_in_the_balance_and_the_history_and_a_refused_one_keeps_the_form()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Detail Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Detail Employee");
        var membershipId = await admin.AddMemberAsync(companyId, employee);

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.SignInAsync(admin.Email, admin.Password);
        await web.GoToAsync($"/companies/{companyId}/team/{membershipId}");
        await Expect(web.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Detail Employee");

        await web.Page.GetByLabel("Leave type", Exact).SelectOptionAsync("RTT");
        await web.Page.GetByLabel("Days (+ to credit, − to debit)").FillAsync("2.5");
        await web.Page.GetByLabel("Kind of change").SelectOptionAsync("MANUEL_CREDIT");
        await web.Page.GetByLabel("Comment", Exact).FillAsync("Overtime in March");
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Apply the adjustment" }).ClickAsync();

        await Expect(web.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done: the RTT balance is now 2.5 days.");
        await Expect(web.Page.Locator("[data-balance=RTT]")).ToHaveTextAsync("2.5");
        var entry = web.Page.Locator(".history-table tbody tr", new() { HasText = "Overtime in March" });
        await Expect(entry).ToContainTextAsync("Manual adjustment");
        await Expect(entry).ToContainTextAsync("+2.5");
        await Expect(entry).ToContainTextAsync("Detail Admin");
        Assert.Equal(2.5m, await admin.BalanceAsync(companyId, membershipId, "RTT"));

        // Taking more than is left: the Api's message sits under the days, and the comment typed is still there.
        await web.Page.GetByLabel("Leave type", Exact).SelectOptionAsync("RTT");
        await web.Page.GetByLabel("Days (+ to credit, − to debit)").FillAsync("-4");
        await web.Page.GetByLabel("Comment", Exact).FillAsync("Too much");
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Apply the adjustment" }).ClickAsync();
        await Expect(web.Page.Locator(".field:has(#adjust-change) .validation-message")).ToContainTextAsync("cannot go below zero");
        await Expect(web.Page.GetByLabel("Comment", Exact)).ToHaveValueAsync("Too much");
        await Expect(web.Page.GetByLabel("Days (+ to credit, − to debit)")).ToHaveValueAsync("-4");
        Assert.Equal(2.5m, await admin.BalanceAsync(companyId, membershipId, "RTT"));
        await web.ScreenshotAsync("member-detail");
    }

    [Fact]
    public async Task Settings_show_a_bad_value_next_to_its_field_keep_the_rest_and_save_good_ones()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Settings Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var newName = $"Renamed {Guid.NewGuid():N}";

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.SignInAsync(admin.Email, admin.Password);
        await web.GoToAsync($"/companies/{companyId}/settings");
        await web.Page.GetByLabel("Name", Exact).First.FillAsync(newName);
        await web.Page.GetByLabel("Annual leave days").FillAsync("-3");
        await web.Page.GetByLabel("Saturday").CheckAsync();
        await web.Page.GetByLabel("Days carried over at most").FillAsync("7.5");
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();

        await Expect(web.Page.Locator(".field:has(#settings-annual) .validation-message")).ToContainTextAsync("A value from 0 to 50.");
        await Expect(web.Page.Locator("#settings-annual")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(web.Page.GetByLabel("Name", Exact).First).ToHaveValueAsync(newName);
        await Expect(web.Page.GetByLabel("Saturday")).ToBeCheckedAsync();
        await Expect(web.Page.GetByLabel("Days carried over at most")).ToHaveValueAsync("7.5");
        Assert.Equal(25, (await admin.CompanyAsync(companyId)).GetProperty("annualLeaveDays").GetInt32());

        await web.Page.GetByLabel("Annual leave days").FillAsync("30");
        await web.Page.GetByLabel("Pass a waiting request on after (working days)").FillAsync("3");
        await web.Page.GetByLabel("Public holidays of").SelectOptionAsync(new SelectOptionValue { Label = "Alsace-Moselle" });
        await web.Page.GetByLabel("Whit Monday is worked (solidarity day)").CheckAsync();
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();
        await Expect(web.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The settings are saved.");
        await Expect(web.Page.GetByLabel("Annual leave days")).ToHaveValueAsync("30");
        await Expect(web.Page.GetByLabel("Saturday")).ToBeCheckedAsync();
        await Expect(web.Page.GetByLabel("Public holidays of")).ToHaveValueAsync("FR-ALSACE-MOSELLE");
        await Expect(web.Page.GetByLabel("Whit Monday is worked (solidarity day)")).ToBeCheckedAsync();

        var company = await admin.CompanyAsync(companyId);
        Assert.Equal(newName, company.GetProperty("name").GetString());
        Assert.Equal(30, company.GetProperty("annualLeaveDays").GetInt32());
        Assert.Equal(7.5m, company.GetProperty("carryOverMaxDays").GetDecimal());
        Assert.Equal(3, company.GetProperty("escalateAfterWorkingDays").GetInt32());
        Assert.Equal(("FR-ALSACE-MOSELLE", true), (company.GetProperty("holidayCountry").GetString(), company.GetProperty("solidarityDayWorked").GetBoolean()));
        Assert.Equal(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"],
            company.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()!).ToArray());

        // Escalation has its own range, said next to its field.
        await web.Page.GetByLabel("Pass a waiting request on after (working days)").FillAsync("31");
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();
        await Expect(web.Page.Locator(".field:has(#settings-escalation) .validation-message"))
            .ToContainTextAsync("Escalation comes after 1 to 30 working days, or 0 for never.");
        Assert.Equal(3, (await admin.CompanyAsync(companyId)).GetProperty("escalateAfterWorkingDays").GetInt32());

        // A company holiday is added to the list.
        await web.Page.GetByLabel("Date", Exact).FillAsync($"{DateTime.UtcNow.Year + 1}-07-13");
        await web.Page.GetByLabel("Name", Exact).Last.FillAsync("Summer bridge");
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Add the holiday" }).ClickAsync();
        await Expect(web.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The holidays are updated.");
        await Expect(web.Page.Locator("section[aria-labelledby=holidays-heading] tbody")).ToContainTextAsync("Summer bridge");

        // The logo: a file that is no image is refused next to the file input; a PNG is shown once uploaded.
        var logoInput = web.Page.GetByLabel("Image (PNG, JPEG or SVG, 512 KiB at most)");
        await logoInput.SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not an image"u8.ToArray() });
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Upload the logo" }).ClickAsync();
        await Expect(web.Page.Locator("#logo-error")).ToContainTextAsync("PNG, JPEG or SVG");
        await logoInput.SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = OnePixelPng });
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Upload the logo" }).ClickAsync();
        await Expect(web.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The logo is updated.");
        var logo = web.Page.GetByRole(AriaRole.Img, new() { Name = "Current logo" });
        await Expect(logo).ToBeVisibleAsync();
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"));
        Assert.True((await admin.CompanyAsync(companyId)).GetProperty("hasLogo").GetBoolean());
        await web.ScreenshotAsync("settings");
    }

    [Fact]
    public async Task The_profile_saves_the_language_on_the_account_and_downloads_the_data_export()
    {
        var user = await PeopleBrowserKit.EnglishUserAsync(app, "Profile Person");
        var (companyId, _) = await user.CreateCompanyAsync();

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.SignInAsync(user.Email, user.Password);
        await web.GoToAsync("/profile");
        await Expect(web.Page.GetByLabel("Name", Exact)).ToHaveValueAsync("Profile Person");

        // The iCal address is a Web address that serves the feed to calendar apps without a session.
        var feed = await web.Page.Locator("input.copy-field").InputValueAsync();
        Assert.Contains($"/companies/{companyId}/calendar.ics?token=", feed);
        var ics = await web.Page.APIRequest.GetAsync(feed);
        Assert.Equal(200, ics.Status);
        Assert.StartsWith("BEGIN:VCALENDAR", (await ics.TextAsync()).TrimStart());

        var download = await web.Page.RunAndWaitForDownloadAsync(
            () => web.Page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        var path = await download.PathAsync();
        using var export = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(user.Email, export.RootElement.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(companyId, Assert.Single(export.RootElement.GetProperty("memberships").EnumerateArray()).GetProperty("companyId").GetString());
        await web.ScreenshotAsync("profile");

        await web.Page.GetByLabel("Français").CheckAsync();
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Save the language" }).ClickAsync();
        // The page's notice, not any live region: the profile's copy fields each have an empty status of their own,
        // hidden by the stylesheet only once it applies (a loaded run saw two statuses).
        await Expect(web.Page.Locator("p.notice[role='status']")).ToHaveTextAsync("La langue est enregistrée.");
        Assert.Equal("fr", await web.Page.Locator("html").GetAttributeAsync("lang"));
        var session = await user.Http.GetFromJsonAsync<JsonElement>("/api/auth/session");
        Assert.Equal("fr", session.GetProperty("user").GetProperty("language").GetString());
    }

    [Fact]
    public async Task The_team_page_fits_a_phone_screen()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Phone Admin With A Rather Long Name");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Phone Employee");
        await admin.AddMemberAsync(companyId, employee);

        await using var phone = await WebBrowser.OpenAsync(app, chromium, viewport: WebBrowser.Phone);
        await phone.SignInAsync(admin.Email, admin.Password);
        await phone.GoToAsync($"/companies/{companyId}/team");
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Team");

        await phone.ScreenshotAsync("team-phone");
        var overflow = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        // On failure, name the elements that stick out (those inside a sideways-scrolling box do not count).
        var culprits = overflow <= 0 ? "" : await phone.Page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .filter(e => !e.closest('.table-scroll, .tabs'))
                .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10).join('; ')
            """);
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone's screen: {culprits}");
    }

    [Fact]
    public async Task The_team_page_downloads_a_month_s_payroll_export_without_javascript()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Payroll Browser Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Payroll Browser Employee");
        var employeeId = await admin.AddMemberAsync(companyId, employee);
        // Monday 12 April 2027, afternoon, to Tuesday 13 April: 1.5 days of unpaid leave in April.
        var leave = await admin.CreateLeaveAsync(companyId, employeeId, "UNPAID", new(2027, 4, 12), new(2027, 4, 13), startHalf: "AFTERNOON");
        var review = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{leave}/review", new { status = "APPROVED" });
        Assert.Equal(System.Net.HttpStatusCode.OK, review.StatusCode);

        await using var web = await WebBrowser.OpenAsync(app, chromium, javaScriptEnabled: false);
        await web.SignInAsync(admin.Email, admin.Password);
        await web.GoToAsync($"/companies/{companyId}/team");
        await web.Page.GetByLabel("Month", Exact).FillAsync("2027-04");
        await web.Page.GetByLabel("French format (semicolons, decimal commas)").CheckAsync();
        var download = await web.Page.RunAndWaitForDownloadAsync(
            () => web.Page.GetByRole(AriaRole.Button, new() { Name = "Download the payroll export" }).ClickAsync());

        Assert.Equal("payroll-2027-04.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).ToList();
        Assert.StartsWith("membershipId;memberName;email;team;active;PAID;UNPAID;", lines[0].TrimStart('\uFEFF'));
        var row = Assert.Single(lines, l => l.StartsWith(employeeId, StringComparison.Ordinal)).Split(';');
        Assert.Equal(["Payroll Browser Employee", "0", "1,5"], [row[1], row[5], row[6]]);
    }
}
