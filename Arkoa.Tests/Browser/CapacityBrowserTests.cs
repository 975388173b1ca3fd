using System.Net.Http.Json;
using Arkoa.Core.Days;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Arkoa.Tests.Integration.TeamTestKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Capacity in a real browser (SPEC §12): an admin gives a team a minimum on the Teams page and adds a blackout period;
/// a member's request form warns about both and names who is away before anything is sent, the blackout refuses the
/// request, the team's calendar shows the day it falls short, and approving a request that leaves the team short takes
/// an explicit override with a note.
/// </summary>
public sealed class CapacityBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    private static LocatorGetByLabelOptions Exact => new() { Exact = true };

    /// <summary>A Tuesday in the coming weeks (shown by the calendar's capacity view) with a working Wednesday after it.</summary>
    private static DateOnly SoonTuesday()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(8);
        bool Working(DateOnly d) => PublicHolidays.For("FR", d.Year).All(h => h.Date != d);
        while (day.DayOfWeek != DayOfWeek.Tuesday || !Working(day) || !Working(day.AddDays(1))) day = day.AddDays(1);
        return day;
    }

    [Fact]
    public async Task A_team_minimum_and_a_blackout_set_by_an_admin_warn_the_request_form_refuse_the_request_and_show_on_the_calendar()
    {
        var admin = await PeopleBrowserKit.EnglishUserAsync(app, "Ada Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var ann = await ApiSession.SignUpAsync(app, "Ann Floor");
        var annId = await admin.AddMemberAsync(companyId, ann);
        var eve = await PeopleBrowserKit.EnglishUserAsync(app, "Eve Floor");
        var eveId = await admin.AddMemberAsync(companyId, eve);
        var floor = await admin.AddTeamAsync(companyId, "Floor");
        await admin.JoinTeamAsync(companyId, floor, annId, isPrimary: true);
        await admin.JoinTeamAsync(companyId, floor, eveId, isPrimary: true);
        var tuesday = SoonTuesday();
        var annLeave = await ann.CreateLeaveAsync(companyId, annId, "UNPAID", tuesday, tuesday);
        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{annLeave}/review", new { status = "APPROVED" })).StatusCode);

        // The admin: both of Floor present every day, and no paid leave on the Wednesday (stocktaking).
        await using var browser = await WebBrowser.OpenAsync(app, chromium);
        await browser.SignInAsync(admin.Email, admin.Password);
        await browser.GoToAsync($"/companies/{companyId}/teams");
        await browser.Page.GetByLabel("At least present each day").First.WaitForAsync();
        var floorCard = browser.Page.Locator("section[data-team='Floor']");
        await floorCard.GetByLabel("At least present each day").FillAsync("2");
        await floorCard.GetByRole(AriaRole.Button, new() { Name = "Save the coverage of Floor" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The coverage rule of Floor is saved.");
        await Expect(browser.Page.Locator("section[data-team='Floor']").GetByLabel("At least present each day")).ToHaveValueAsync("2");

        var blackouts = browser.Page.Locator("section[aria-labelledby=blackouts-heading]");
        await blackouts.GetByLabel("Name of the period").FillAsync("Stocktaking");
        await blackouts.GetByLabel("First day", Exact).FillAsync(tuesday.AddDays(1).Iso());
        await blackouts.GetByLabel("Last day", Exact).FillAsync(tuesday.AddDays(1).Iso());
        await blackouts.GetByLabel("For", Exact).SelectOptionAsync(new SelectOptionValue { Label = "Floor" });
        await blackouts.GetByRole(AriaRole.Button, new() { Name = "Add the period" }).ClickAsync();
        await Expect(blackouts.GetByRole(AriaRole.Status)).ToHaveTextAsync("The blackout period Stocktaking is added.");
        await Expect(blackouts.Locator("li[data-blackout='Stocktaking']")).ToContainTextAsync("Floor");
        await Expect(blackouts.Locator("li[data-blackout='Stocktaking']")).ToContainTextAsync("refused");
        await browser.ScreenshotAsync("capacity-admin");

        // Eve asks for Tuesday and Wednesday: the form says the blackout refuses it, Floor falls short, and Ann is away.
        await using var member = await WebBrowser.OpenAsync(app, chromium);
        await member.SignInAsync(eve.Email, eve.Password);
        await member.GoToAsync($"/companies/{companyId}/leaves");
        await FillLeaveAsync(member.Page, "UNPAID", tuesday, tuesday.AddDays(1));
        var count = member.Page.Locator("#leave-day-count");
        await Expect(count.Locator(".day-count__warning")).ToContainTextAsync("blackout period Stocktaking", ContainsWait);
        await Expect(count.Locator(".day-count__notice")).ToContainTextAsync("Floor would be short of people on", ContainsWait);
        await Expect(count.Locator(".day-count__notice")).ToContainTextAsync("Away in your team then: Ann Floor.", ContainsWait);
        await member.ScreenshotAsync("capacity-request-form");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Expect(member.Page.Locator("main")).ToContainTextAsync("No leave of this type can be taken from", ContainsWait);
        Assert.Empty(await eve.LeavesAsync(companyId, eveId));

        // The team's calendar: Tuesday has one of two present, below the rule.
        await browser.GoToAsync($"/companies/{companyId}/calendar?team={floor}");
        var capacity = browser.Page.Locator("table.capacity");
        await Expect(capacity.Locator("td.is-breached")).ToHaveCountAsync(1);
        await Expect(capacity.Locator("td.is-breached")).ToContainTextAsync("1/2");
        await Expect(browser.Page.Locator("section[aria-labelledby=capacity-heading]")).ToContainTextAsync("At least 2 present each day.");

        // Eve asks for the Tuesday alone: approving it leaves Floor short, which the approver is told and must override.
        var eveLeave = await eve.CreateLeaveAsync(companyId, eveId, "UNPAID", tuesday, tuesday);
        await browser.GoToAsync($"/companies/{companyId}/approvals");
        var request = browser.Page.Locator($"#leave-{eveLeave}");
        await Expect(request.Locator(".review__coverage")).ToContainTextAsync("Approving leaves Floor short of its rule on");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        request = browser.Page.Locator($"#leave-{eveLeave}");
        // A conflict is said above the queue, where the page opens (as for a request someone else changed).
        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Approving it leaves Floor short of its coverage rule", ContainsWait);
        await request.GetByLabel("Approve anyway (the note says why)").CheckAsync();
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        request = browser.Page.Locator($"#leave-{eveLeave}");
        await Expect(request.Locator(".validation-message")).ToContainTextAsync("Say why you approve although the team falls short.", ContainsWait);
        await request.GetByLabel("Note to Eve Floor (required to reject)").FillAsync("Ann's cover is arranged");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(browser.Page.Locator($"#leave-{eveLeave}")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        var history = await admin.GetJsonAsync($"/api/companies/{companyId}/memberships/{eveId}/leaves/{eveLeave}/history");
        Assert.True(history.EnumerateArray().Single(c => c.GetProperty("transition").GetString() == "APPROVED").GetProperty("coverageOverridden").GetBoolean());
    }
}
