using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Issue 14 §8 and §14 in a real browser: the count on the Approvals tab, and the lists that grow filtered, searched,
/// sorted and paged through links and GET forms, with JavaScript off, their state kept in the address.
/// </summary>
public sealed class ListBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_approvals_tab_counts_the_requests_waiting_on_the_manager_but_not_their_own()
    {
        var team = await TestCompany.CreateAsync(app);
        await team.Admin.UseEnglishAsync();
        var (eve, eveId) = await team.AddMemberAsync(app, name: "Eve Employee");
        var (finn, finnId) = await team.AddMemberAsync(app, name: "Finn Employee");
        var monday = TestDates.FebruaryMondayNextYear();
        var eveWaiting = await eve.CreateLeaveAsync(team.CompanyId, eveId, "UNPAID", monday, monday);
        var finnWaiting = await finn.CreateLeaveAsync(team.CompanyId, finnId, "UNPAID", monday.AddDays(1), monday.AddDays(1));
        await team.Admin.CreateLeaveAsync(team.CompanyId, team.AdminMembershipId, "UNPAID", monday.AddDays(2), monday.AddDays(2));

        await using var web = await NoScriptBrowserAsync();
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}");
        var page = web.Page;

        // Every company page's tab says how many requests wait: Eve's and Finn's, not the admin's own.
        var tab = page.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = "Approvals" });
        await Expect(tab.Locator("[data-tab-count]")).ToHaveTextAsync("2");
        await Expect(tab).ToHaveAccessibleNameAsync("Approvals (2 waiting)");
        await ReviewAsync(team, eveWaiting, "APPROVED");
        await page.ReloadAsync();
        await Expect(tab.Locator("[data-tab-count]")).ToHaveTextAsync("1");
        await ReviewAsync(team, finnWaiting, "APPROVED");
        await page.ReloadAsync();
        await Expect(tab).ToHaveAccessibleNameAsync("Approvals");

        // An employee has no Approvals tab at all.
        await eve.UseEnglishAsync();
        await using var employeeWeb = await NoScriptBrowserAsync();
        await employeeWeb.SignInAsync(eve.Email, eve.Password);
        await employeeWeb.GoToAsync($"/companies/{team.CompanyId}/leaves");
        await Expect(employeeWeb.Page.Locator("nav.tabs a")).Not.ToHaveCountAsync(0);
        await Expect(employeeWeb.Page.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = "Approvals" })).ToHaveCountAsync(0);
    }

    /// <summary>A browser with JavaScript off: the lists must work with links and GET forms alone.</summary>
    private async Task<WebBrowser> NoScriptBrowserAsync(string language = "en") =>
        await WebBrowser.OpenAsync(app, chromium, language, javaScriptEnabled: false);

    private static async Task ReviewAsync(TestCompany team, string leaveId, string status) =>
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status, managerNote = "Seen" })).StatusCode);
}
