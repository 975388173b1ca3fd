using System.Net;
using System.Net.Http.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Each leave type has its own colour (issue 14 §13): on the team calendar a manager tells a paid leave from an unpaid
/// one at a glance, and the legend under the grid shows the same colour beside each type's name, in either language.
/// </summary>
public sealed class LeaveColourBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("en", "Paid leave", "Unpaid leave")]
    [InlineData("fr", "Congés payés", "Congé sans solde")]
    public async Task The_calendar_colours_each_leave_type_and_its_legend_shows_the_same_colours(string language, string paidName, string unpaidName)
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 30);
        var (member, membershipId) = await team.AddMemberAsync(app, name: "Colour Member");
        var monday = TestDates.FebruaryMondayNextYear();
        foreach (var (type, day) in new[] { ("PAID", monday), ("UNPAID", monday.AddDays(1)) })
        {
            var leaveId = await member.CreateLeaveAsync(team.CompanyId, membershipId, type, day, day);
            var approved = await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" });
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }
        var patched = await team.Admin.Http.PatchAsync("/api/users/me", JsonContent.Create(new { language }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        await using var browser = await WebBrowser.OpenAsync(app, chromium, language: language);
        await browser.SignInAsync(team.Admin.Email, team.Admin.Password);
        await browser.GoToAsync($"/companies/{team.CompanyId}/calendar?month={monday:yyyy-MM}");

        var paidMark = await ColourAsync(browser.Page.Locator($"td[data-date='{monday.Iso()}'] .mark"));
        var unpaidMark = await ColourAsync(browser.Page.Locator($"td[data-date='{monday.AddDays(1).Iso()}'] .mark"));
        Assert.NotEqual(paidMark, unpaidMark);

        var legend = browser.Page.Locator(".legend--types");
        await Expect(legend.Locator("li")).ToHaveTextAsync([paidName, unpaidName]);
        Assert.Equal(paidMark, await ColourAsync(legend.Locator("li[data-leave-type=PAID] .swatch")));
        Assert.Equal(unpaidMark, await ColourAsync(legend.Locator("li[data-leave-type=UNPAID] .swatch")));
        await browser.ScreenshotAsync($"calendar-colours-{language}");
    }

    /// <summary>The element's painted fill, as the browser computed it.</summary>
    private static async Task<string> ColourAsync(ILocator element)
    {
        await Expect(element).ToBeVisibleAsync();
        return await element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
    }
}
