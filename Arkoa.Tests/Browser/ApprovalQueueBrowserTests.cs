using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Issue 14 §8: the approvals queue puts the earliest start first, shows each requester's balance after the request and
/// who else is off on those days, keeps the manager's own request apart and out of the count, approves several at
/// once, and names who decided and when.
/// </summary>
public sealed class ApprovalQueueBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_queue_orders_explains_and_approves_several_requests_at_once()
    {
        var team = await TestCompany.CreateAsync(app);
        await team.Admin.UseEnglishAsync();
        var (eve, eveId) = await team.AddMemberAsync(app, name: "Eve Employee");
        var (finn, finnId) = await team.AddMemberAsync(app, name: "Finn Employee");
        await team.Admin.CreditAsync(team.CompanyId, eveId, "PAID", 10);
        var monday = TestDates.FebruaryMondayNextYear();

        // Eve asks first for the later days; Finn is already approved away on one of them, and asks for an earlier day.
        var eveLeave = await eve.CreateLeaveAsync(team.CompanyId, eveId, "PAID", monday.AddDays(14), monday.AddDays(15));
        var finnAway = await finn.CreateLeaveAsync(team.CompanyId, finnId, "UNPAID", monday.AddDays(15), monday.AddDays(15));
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(finnAway), new { status = "APPROVED" })).StatusCode);
        var finnLeave = await finn.CreateLeaveAsync(team.CompanyId, finnId, "UNPAID", monday, monday);
        var ownLeave = await team.Admin.CreateLeaveAsync(team.CompanyId, team.AdminMembershipId, "UNPAID", monday.AddDays(7), monday.AddDays(7));

        await using var web = await WebBrowser.OpenAsync(app, chromium);
        await web.SignInAsync(team.Admin.Email, team.Admin.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/approvals");
        var page = web.Page;

        // Two to decide: the manager's own request is apart, without buttons, and not counted.
        await Expect(page.Locator("[data-pending-count]")).ToHaveTextAsync("2");
        var queue = page.Locator("ul.reviews:not(.reviews--own) > li.review");
        await Expect(queue).ToHaveCountAsync(2);
        await Expect(queue.Nth(0)).ToHaveIdAsync($"leave-{finnLeave}");
        await Expect(queue.Nth(1)).ToHaveIdAsync($"leave-{eveLeave}");
        var own = page.Locator($"ul.reviews--own #leave-{ownLeave}");
        await Expect(own).ToBeVisibleAsync();
        await Expect(own.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        var eveRequest = page.Locator($"#leave-{eveLeave}");
        await Expect(eveRequest).ToContainTextAsync("Paid leave balance after this request: 8 days");
        await Expect(eveRequest).ToContainTextAsync("Also off on these days: Finn Employee");
        await Expect(page.Locator($"#leave-{finnLeave}")).ToContainTextAsync("Nobody else is off on these days.");
        await web.ScreenshotAsync("approvals-queue");

        await page.GetByLabel("Select the request of Finn Employee").CheckAsync();
        await page.GetByLabel("Select the request of Eve Employee").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve the selected requests" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 requests were approved.", TextWait);
        var approved = (await team.Admin.GetJsonAsync($"/api/companies/{team.CompanyId}/leaves?status=APPROVED")).ItemIds();
        Assert.Equal(new[] { eveLeave, finnAway, finnLeave }.Order(StringComparer.Ordinal), approved.Order(StringComparer.Ordinal));
        await Expect(page.Locator("[data-pending-count]")).ToHaveTextAsync("0");
        await Expect(page.Locator("td.decided-by").First).ToContainTextAsync("Ada Admin, ");
    }
}
