using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The everyday journeys of issue 14 in Chromium against the real AppHost: moving between one's companies, a failed
/// request after a successful one, the team page's actions, the profile's way back and calendar address.
/// </summary>
public sealed class JourneyBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_person_in_two_companies_switches_between_them_from_the_company_bar_and_always_finds_my_companies()
    {
        var person = await PeopleBrowserKit.EnglishUserAsync(app, "Two Companies");
        var (firstId, _) = await person.CreateCompanyAsync();
        var (secondId, _) = await person.CreateCompanyAsync();
        var firstName = (await person.CompanyAsync(firstId)).GetProperty("name").GetString()!;
        var secondName = (await person.CompanyAsync(secondId)).GetProperty("name").GetString()!;

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.SignInAsync(person.Email, person.Password);
        await web.GoToAsync($"/companies/{firstId}/leaves");

        // The switcher names the current company and lists the other one; choosing it opens that company.
        var switcher = web.Page.Locator(".company-bar details.switcher");
        await Expect(switcher.Locator("summary")).ToContainTextAsync(firstName);
        await switcher.Locator("summary").ClickAsync();
        var choices = web.Page.GetByRole(AriaRole.Navigation, new() { Name = "Switch company" });
        await Expect(choices.GetByRole(AriaRole.Link, new() { Name = firstName })).ToHaveCountAsync(0);
        await choices.GetByRole(AriaRole.Link, new() { Name = secondName }).ClickAsync();
        await web.Page.WaitForURLAsync($"**/companies/{secondId}");
        await Expect(web.Page.Locator(".company-bar summary")).ToContainTextAsync(secondName);
        await web.ScreenshotAsync("journey-switcher");

        // "My companies" is in the header of every page, in both languages, and lists both companies.
        await web.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "My companies" }).ClickAsync();
        await web.Page.WaitForURLAsync("**/companies");
        await Expect(web.Page.Locator("main")).ToContainTextAsync(firstName);
        await Expect(web.Page.Locator("main")).ToContainTextAsync(secondName);

        await web.GoToAsync("/profile");
        await web.Page.GetByLabel("Français").CheckAsync();
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Save the language" }).ClickAsync();
        await Expect(web.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Mes entreprises" })).ToBeVisibleAsync();
        await web.GoToAsync($"/companies/{secondId}/calendar");
        await web.Page.Locator(".company-bar details.switcher summary").ClickAsync();
        await Expect(web.Page.GetByRole(AriaRole.Navigation, new() { Name = "Changer d'entreprise" })
            .GetByRole(AriaRole.Link, new() { Name = firstName })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_person_in_one_company_gets_no_switcher()
    {
        var person = await PeopleBrowserKit.EnglishUserAsync(app, "One Company");
        var (companyId, _) = await person.CreateCompanyAsync();
        var companyName = (await person.CompanyAsync(companyId)).GetProperty("name").GetString()!;

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.SignInAsync(person.Email, person.Password);
        await web.GoToAsync($"/companies/{companyId}");
        await Expect(web.Page.Locator(".company-bar")).ToContainTextAsync(companyName);
        await Expect(web.Page.Locator(".company-bar details.switcher")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_refused_request_after_a_sent_one_shows_only_the_error_with_the_focus_on_it()
    {
        var person = await PeopleBrowserKit.EnglishUserAsync(app, "Second Request");
        var (companyId, membershipId) = await person.CreateCompanyAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 3);

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.SignInAsync(person.Email, person.Password);
        await web.GoToAsync($"/companies/{companyId}/leaves");
        await FillLeaveAsync(web.Page, "PAID", monday, monday);
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await web.Page.WaitForURLAsync("**/leaves?sent=*");
        await Expect(web.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request was sent for approval.");

        // RTT starts at zero: the second request is refused, and nothing on the page may say it was sent.
        await FillLeaveAsync(web.Page, "RTT", monday.AddDays(7), monday.AddDays(7));
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        var summary = web.Page.Locator("section[aria-labelledby=request-heading] .alert");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(web.Page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Expect(web.Page.Locator("main")).Not.ToContainTextAsync("sent for approval");
        // The browser starts from the summary of what failed, as a keyboard or screen-reader user needs.
        await Expect(summary).ToBeFocusedAsync();
        Assert.Single(await person.LeavesAsync(companyId, membershipId));
    }

    [Fact]
    public async Task The_profile_leads_back_to_the_company_and_copies_the_calendar_address_with_instructions()
    {
        var person = await PeopleBrowserKit.EnglishUserAsync(app, "Profile Journey");
        var (companyId, _) = await person.CreateCompanyAsync();
        await person.CreateCompanyAsync(); // a second company: the way back is the one last opened
        var companyName = (await person.CompanyAsync(companyId)).GetProperty("name").GetString()!;

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await web.SignInAsync(person.Email, person.Password);
        await web.GoToAsync($"/companies/{companyId}/calendar");
        await web.GoToAsync("/profile");

        // The company last opened (of two) is the way back.
        var back = web.Page.GetByRole(AriaRole.Link, new() { Name = $"Back to {companyName}" });
        await Expect(back).ToHaveAttributeAsync("href", $"/companies/{companyId}");

        // Copy puts the calendar address on the clipboard and says so.
        var field = web.Page.GetByLabel($"Calendar of {companyName}");
        var address = await field.InputValueAsync();
        Assert.Contains($"/companies/{companyId}/calendar.ics?token=", address);
        // The clipboard answers the page in front only (browser tests run side by side in one Chromium).
        await web.Page.BringToFrontAsync();
        await web.Page.GetByRole(AriaRole.Button, new() { Name = $"Copy Calendar of {companyName}" }).ClickAsync();
        // The status of this company's address (of two, listed in no order the test may rely on).
        await Expect(web.Page.Locator($"#{await field.GetAttributeAsync("id")}-status")).ToHaveTextAsync("Copied.");
        Assert.Equal(address, await web.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await web.Page.GetByText("How to add it to Google Calendar or Outlook").ClickAsync();
        await Expect(web.Page.Locator("details.help")).ToContainTextAsync("“From URL”");
        await Expect(web.Page.Locator("details.help")).ToContainTextAsync("“Subscribe from web”");
        await web.ScreenshotAsync("journey-profile");

        await back.ClickAsync();
        await web.Page.WaitForURLAsync($"**/companies/{companyId}");

        // The same in French.
        await web.GoToAsync("/profile");
        await web.Page.GetByLabel("Français").CheckAsync();
        await web.Page.GetByRole(AriaRole.Button, new() { Name = "Save the language" }).ClickAsync();
        await Expect(web.Page.GetByRole(AriaRole.Link, new() { Name = $"Retour à {companyName}" })).ToBeVisibleAsync();
        await Expect(web.Page.GetByRole(AriaRole.Button, new() { Name = $"Copier Agenda de {companyName}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_header_folds_behind_a_menu_button_and_the_tabs_scroll_inside_their_bar()
    {
        var person = await PeopleBrowserKit.EnglishUserAsync(app, "Phone Header");
        var (companyId, _) = await person.CreateCompanyAsync();

        await using var phone = await WebBrowser.OpenAsync(app, chromium, viewport: WebBrowser.Phone);
        await phone.SignInAsync(person.Email, person.Password);
        await phone.GoToAsync($"/companies/{companyId}/settings");
        var header = phone.Page.GetByRole(AriaRole.Banner);
        var myCompanies = header.GetByRole(AriaRole.Link, new() { Name = "My companies" });
        await Expect(myCompanies).ToBeHiddenAsync();
        await header.Locator("summary", new() { HasText = "Menu" }).ClickAsync();
        await Expect(myCompanies).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await phone.ScreenshotAsync("journey-phone-menu");

        // An admin's six tabs are wider than the phone: they scroll inside their bar, which shows a shadow as the hint.
        var tabs = phone.Page.Locator("nav.tabs");
        Assert.True(await tabs.EvaluateAsync<bool>("t => t.scrollWidth > t.clientWidth"));
        Assert.Contains("radial-gradient", await tabs.EvaluateAsync<string>("t => getComputedStyle(t).backgroundImage"));
        Assert.Null(await OverflowAsync(phone.Page));
        await myCompanies.ClickAsync();
        await phone.Page.WaitForURLAsync("**/companies");

        // On a computer there is no menu button: the links stand in the header.
        await using var desktop = await WebBrowser.OpenAsync(app, chromium);
        await desktop.SignInAsync(person.Email, person.Password);
        await desktop.GoToAsync($"/companies/{companyId}");
        await Expect(desktop.Page.GetByRole(AriaRole.Banner).Locator("summary", new() { HasText = "Menu" })).ToBeHiddenAsync();
        await Expect(desktop.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "My companies" })).ToBeVisibleAsync();
    }
}
