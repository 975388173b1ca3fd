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

    [Fact]
    public async Task The_decisions_filter_by_member_and_status_sort_by_a_column_and_reset_keeping_the_queue()
    {
        var team = await TestCompany.CreateAsync(app);
        await team.Admin.UseEnglishAsync();
        var (eve, eveId) = await team.AddMemberAsync(app, name: "Eve Employee");
        var (finn, finnId) = await team.AddMemberAsync(app, name: "Finn Employee");
        var monday = TestDates.FebruaryMondayNextYear();
        await finn.CreateLeaveAsync(team.CompanyId, finnId, "UNPAID", monday.AddDays(1), monday.AddDays(1));
        var eveSick = await eve.CreateLeaveAsync(team.CompanyId, eveId, "SICK", monday.AddDays(7), monday.AddDays(9));
        var finnRejected = await finn.CreateLeaveAsync(team.CompanyId, finnId, "UNPAID", monday.AddDays(14), monday.AddDays(14));
        var eveApproved = await eve.CreateLeaveAsync(team.CompanyId, eveId, "UNPAID", monday, monday);
        await ReviewAsync(team, eveSick, "APPROVED");
        await ReviewAsync(team, finnRejected, "REJECTED");
        await ReviewAsync(team, eveApproved, "APPROVED");

        await using var web = await NoScriptBrowserAsync();
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/approvals");
        var page = web.Page;

        // The decisions: the latest first; a filter by member and status narrows them, the queue staying as it is.
        var decisions = page.Locator("table.decisions-table tbody tr");
        await Expect(decisions).ToHaveCountAsync(3);
        await Expect(decisions.First).ToContainTextAsync("Eve Employee");
        await page.GetByLabel("Member", new() { Exact = true }).FillAsync("  finn ");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("REJECTED");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(decisions).ToHaveCountAsync(1);
        await Expect(decisions.First).ToContainTextAsync("Finn Employee");
        await Expect(decisions.First).ToContainTextAsync("Rejected");
        Assert.Contains("d.status=REJECTED", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("ul.reviews:not(.reviews--own) > li.review")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Member", new() { Exact = true })).ToHaveValueAsync("finn");

        // Sorting by days keeps the filters; a sorted column says so; reset shows every decision again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reset" }).ClickAsync();
        await Expect(decisions).ToHaveCountAsync(3);
        await page.Locator("table.decisions-table th").GetByRole(AriaRole.Link, new() { Name = "Days" }).ClickAsync();
        await Expect(page.Locator("table.decisions-table th[aria-sort=descending]")).ToContainTextAsync("Days");
        await Expect(decisions.First).ToContainTextAsync("Sick leave");
        await page.Locator("table.decisions-table th").GetByRole(AriaRole.Link, new() { Name = "Days" }).ClickAsync();
        await Expect(page.Locator("table.decisions-table th[aria-sort=ascending]")).ToContainTextAsync("Days");
        await Expect(decisions.Last).ToContainTextAsync("Sick leave");

        // A filter edited by hand in the address is refused by name and changes nothing else on the page.
        await web.GoToAsync($"/companies/{team.CompanyId}/approvals?d.type=HOLI-DAY");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("These filters cannot be applied.");
        await Expect(page.Locator("ul.reviews:not(.reviews--own) > li.review")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task My_requests_filter_by_type_sort_by_days_and_page_without_losing_the_filters()
    {
        var team = await TestCompany.CreateAsync(app);
        await team.Admin.UseEnglishAsync();
        var monday = TestDates.FebruaryMondayNextYear();
        // 21 one-day unpaid leaves on weekdays (two pages of 20) and one three-day sick leave.
        var day = monday;
        for (var i = 0; i < 21; i++)
        {
            await team.Admin.CreateLeaveAsync(team.CompanyId, team.AdminMembershipId, "UNPAID", day, day);
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }
        await team.Admin.CreateLeaveAsync(team.CompanyId, team.AdminMembershipId, "SICK", day, day.AddDays(2));

        await using var web = await NoScriptBrowserAsync();
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/leaves");
        var page = web.Page;
        var rows = page.Locator("table.leaves-table tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(page.Locator("table.leaves-table th[aria-sort=descending]")).ToContainTextAsync("Dates");
        await Expect(rows.First).ToContainTextAsync("Sick leave");

        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filter my requests" });
        await filters.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("UNPAID");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(page.Locator("table.leaves-table")).Not.ToContainTextAsync("Sick leave");
        await Expect(page.Locator(".pager")).ToContainTextAsync("Page 1 of 2");

        // The next page keeps the filter, and a sort keeps it too, from the first page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Unpaid leave");
        await Expect(rows.First).ToContainTextAsync(monday.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")));
        await page.Locator("table.leaves-table th").GetByRole(AriaRole.Link, new() { Name = "Dates" }).ClickAsync();
        Assert.Contains("type=UNPAID", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("table.leaves-table th[aria-sort=ascending]")).ToContainTextAsync("Dates");
        await Expect(rows.First).ToContainTextAsync(monday.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")));

        // Nothing matching says so, with a way back to every request.
        await web.GoToAsync($"/companies/{team.CompanyId}/leaves?status=REJECTED");
        await Expect(page.Locator("main")).ToContainTextAsync("No request matches these filters.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show all my requests" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(20);
    }

    [Fact]
    public async Task The_team_table_in_french_searches_names_and_addresses_filters_roles_and_sorts()
    {
        var team = await TestCompany.CreateAsync(app);
        var (_, _) = await team.AddMemberAsync(app, name: "Zoé Dupont");
        var (_, _) = await team.AddMemberAsync(app, "MANAGER", name: "Bruno Martin");
        var (chloe, _) = await team.AddMemberAsync(app, name: "Chloé Bernard");

        await using var web = await NoScriptBrowserAsync("fr");
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/team");
        var page = web.Page;
        var rows = page.Locator("table.team-table tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.First).ToContainTextAsync("Ada Admin");

        await page.Locator("table.team-table th").GetByRole(AriaRole.Link, new() { Name = "Nom" }).ClickAsync();
        await Expect(page.Locator("table.team-table th[aria-sort=descending]")).ToContainTextAsync("Nom");
        await Expect(rows.First).ToContainTextAsync("Zoé Dupont");

        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filtrer les membres" });
        await filters.GetByLabel("Nom ou e-mail").FillAsync(chloe.Email.ToUpperInvariant());
        await filters.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Chloé Bernard");

        await filters.GetByLabel("Nom ou e-mail").FillAsync("");
        await filters.GetByLabel("Rôle des membres").SelectOptionAsync("MANAGER");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Bruno Martin");
        // The sort chosen before the filter still holds.
        Assert.Contains("sort=name", page.Url, StringComparison.Ordinal);

        await web.GoToAsync($"/companies/{team.CompanyId}/team?q=personne");
        await Expect(page.Locator("main")).ToContainTextAsync("Aucun membre ne correspond à ces filtres.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Réinitialiser" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task A_member_s_history_and_leaves_filter_and_sort_each_keeping_the_other_s_state()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 0);
        await team.Admin.UseEnglishAsync();
        var (eve, eveId) = await team.AddMemberAsync(app, name: "Eve Employee");
        await team.Admin.CreditAsync(team.CompanyId, eveId, "RTT", 2);
        await team.Admin.CreditAsync(team.CompanyId, eveId, "PAID", 5);
        var monday = TestDates.FebruaryMondayNextYear();
        await eve.CreateLeaveAsync(team.CompanyId, eveId, "PAID", monday, monday.AddDays(1));
        var rejected = await eve.CreateLeaveAsync(team.CompanyId, eveId, "UNPAID", monday.AddDays(7), monday.AddDays(7));
        await ReviewAsync(team, rejected, "REJECTED");

        await using var web = await NoScriptBrowserAsync();
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/team/{eveId}");
        var page = web.Page;
        var history = page.Locator("table.history-table tbody tr");
        var leaves = page.Locator("section[aria-labelledby=leaves-heading] table tbody tr");
        await Expect(leaves).ToHaveCountAsync(2);

        // The history narrowed to manual adjustments, then the largest first.
        var historyFilters = page.GetByRole(AriaRole.Search, new() { Name = "Filter the history" });
        await historyFilters.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("MANUEL_CREDIT");
        await historyFilters.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(history).ToHaveCountAsync(2);
        await page.Locator("table.history-table th").GetByRole(AriaRole.Link, new() { Name = "Change" }).ClickAsync();
        await Expect(page.Locator("table.history-table th[aria-sort=descending]")).ToContainTextAsync("Change");
        await Expect(history.First).ToContainTextAsync("Paid leave");
        await Expect(history.Last).ToContainTextAsync("RTT");

        // The leaves narrowed to the rejected one: the history keeps its filter and sort.
        var leaveFilters = page.GetByRole(AriaRole.Search, new() { Name = "Filter the leaves" });
        await leaveFilters.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("REJECTED");
        await leaveFilters.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(leaves).ToHaveCountAsync(1);
        await Expect(leaves.First).ToContainTextAsync("Unpaid leave");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First).ToContainTextAsync("Paid leave");
        Assert.Contains("h.historyType=MANUEL_CREDIT", page.Url, StringComparison.Ordinal);
        Assert.Contains("l.status=REJECTED", page.Url, StringComparison.Ordinal);

        // Resetting the history leaves the leaves' filter alone.
        await historyFilters.GetByRole(AriaRole.Link, new() { Name = "Reset" }).ClickAsync();
        await Expect(leaves).ToHaveCountAsync(1);
        Assert.DoesNotContain("h.historyType", page.Url, StringComparison.Ordinal);
    }

    /// <summary>A browser with JavaScript off: the lists must work with links and GET forms alone.</summary>
    private async Task<WebBrowser> NoScriptBrowserAsync(string language = "en") =>
        await WebBrowser.OpenAsync(app, chromium, language, javaScriptEnabled: false);

    private static async Task ReviewAsync(TestCompany team, string leaveId, string status) =>
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status, managerNote = "Seen" })).StatusCode);
}
