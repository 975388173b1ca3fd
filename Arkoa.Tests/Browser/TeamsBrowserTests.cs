using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Integration.TeamTestKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The Teams page in a real browser against the real AppHost (SPEC §10): an admin builds a team and a sub-team, puts an
/// employee in it and makes them its team manager, who then decides a teammate's request; nobody else sees the page, and
/// the calendar shows a team and its sub-teams, opening on the viewer's primary team.
/// </summary>
public sealed class TeamsBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    private static PageGetByLabelOptions Exact => new() { Exact = true };

    [Fact]
    public async Task An_admin_builds_a_team_and_a_sub_team_names_a_team_manager_who_then_decides_a_teammate_s_request()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Ada Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var lead = await ApiSession.SignUpAsync(app, "Lea Lead");
        var leadId = await admin.AddMemberAsync(companyId, lead);
        var seller = await ApiSession.SignUpAsync(app, "Sam Seller");
        var sellerId = await admin.AddMemberAsync(companyId, seller);

        await using var browser = await WebBrowser.OpenAsync(app, chromium);
        await browser.SignInAsync(admin.Email, admin.Password);
        await browser.GoToAsync($"/companies/{companyId}");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Teams", Exact = true }).ClickAsync();

        // A team at the top, then one under it.
        await browser.Page.GetByLabel("Name", Exact).FillAsync("Sales");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The team Sales is created.");
        await browser.Page.GetByLabel("Name", Exact).FillAsync("Sales East");
        await browser.Page.Locator("#new-team-parent").SelectOptionAsync(new SelectOptionValue { Label = "Sales" });
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The team Sales East is created.");
        var east = browser.Page.Locator("section[data-team='Sales East']");
        await Expect(east).ToContainTextAsync("Part of Sales");

        // A name taken (ignoring case) is refused beside the form, in the page's language.
        await browser.Page.GetByLabel("Name", Exact).FillAsync("sales");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Create the team" }).ClickAsync();
        await Expect(browser.Page.Locator("section[aria-labelledby=new-team-heading] [role=alert]")).ToContainTextAsync("already has a team named sales");

        // Sam joins Sales East as his primary team; Lea joins Sales and manages it.
        await browser.Page.GetByLabel("Member to add to Sales East").SelectOptionAsync(new SelectOptionValue { Label = "Sam Seller" });
        await east.GetByRole(AriaRole.Checkbox, new() { Name = "Primary team" }).CheckAsync();
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Add to Sales East" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The members of Sales East are updated.");
        await Expect(browser.Page.Locator("section[data-team='Sales East'] li", new() { HasText = "Sam Seller" })).ToContainTextAsync("Primary team");
        await browser.Page.GetByLabel("Member to add to Sales", Exact).SelectOptionAsync(new SelectOptionValue { Label = "Lea Lead" });
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Add to Sales", Exact = true }).ClickAsync();
        await browser.Page.GetByLabel("Team manager to add to Sales", Exact).SelectOptionAsync(new SelectOptionValue { Label = "Lea Lead" });
        await browser.Page.Locator("section[data-team='Sales']").GetByRole(AriaRole.Button, new() { Name = "Make team manager" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The team managers of Sales are updated.");
        await browser.ScreenshotAsync("teams-built");

        var sales = (await admin.TeamsAsync(companyId)).Single(t => t.Name == "Sales");
        Assert.Equal([leadId], sales.ManagerIds);

        // Lea, an employee, now has the Approvals tab holding Sam's request (Sales East is under Sales), and decides it.
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 3);
        var request = await seller.CreateLeaveAsync(companyId, sellerId, "UNPAID", monday, monday.AddDays(1));
        await using (var leadBrowser = await WebBrowser.OpenAsync(app, chromium))
        {
            await leadBrowser.SignInAsync(lead.Email, lead.Password);
            await leadBrowser.GoToAsync($"/companies/{companyId}");
            await leadBrowser.Page.GetByRole(AriaRole.Link, new() { Name = "Validations" }).ClickAsync();
            var queue = leadBrowser.Page.Locator("ul.reviews:not(.reviews--own) > li.review");
            await Expect(queue).ToHaveCountAsync(1);
            await Expect(queue.First).ToContainTextAsync("Sam Seller");
        }
        var review = await lead.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{request}/review", new { status = "APPROVED" });
        Assert.Equal(System.Net.HttpStatusCode.OK, review.StatusCode);

        // The admin's decisions narrow to a team and its sub-teams: Sales East holds Sam's, not Lea's (Sales).
        var leaRequest = await lead.CreateLeaveAsync(companyId, leadId, "UNPAID", monday.AddDays(7), monday.AddDays(8));
        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{leaRequest}/review", new { status = "APPROVED" })).StatusCode);
        await browser.GoToAsync($"/companies/{companyId}/approvals");
        var decisions = browser.Page.Locator("table.decisions-table tbody tr");
        await Expect(decisions).ToHaveCountAsync(2);
        await browser.Page.GetByLabel("Team", Exact).SelectOptionAsync(new SelectOptionValue { Label = "Sales East" });
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(decisions).ToHaveCountAsync(1);
        await Expect(decisions.First).ToContainTextAsync("Sam Seller");

        // The admin's calendar shows a team and its sub-teams when asked.
        await browser.GoToAsync($"/companies/{companyId}/calendar?month={monday:yyyy-MM}");
        await browser.Page.GetByLabel("Team", Exact).SelectOptionAsync(new SelectOptionValue { Label = "Sales" });
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(browser.Page.Locator("table.calendar tbody th")).ToHaveTextAsync(["Lea Lead", "Sam Seller"]);

        // An employee has no Teams page, and their calendar opens on their primary team (Sam reads French, his account's language).
        await using var employee = await WebBrowser.OpenAsync(app, chromium);
        await employee.SignInAsync(seller.Email, seller.Password);
        await employee.GoToAsync($"/companies/{companyId}/teams");
        await Expect(employee.Page.Locator("main")).ToContainTextAsync("Seul un administrateur peut modifier les équipes.");
        await Expect(employee.Page.GetByRole(AriaRole.Link, new() { Name = "Équipes", Exact = true })).ToHaveCountAsync(0);
        await employee.GoToAsync($"/companies/{companyId}/calendar");
        await Expect(employee.Page.GetByLabel("Équipe", Exact)).ToHaveValueAsync((await admin.TeamsAsync(companyId)).Single(t => t.Name == "Sales East").Id);
        await Expect(employee.Page.Locator("table.calendar tbody th")).ToHaveTextAsync(["Sam Seller"]);
    }
}
