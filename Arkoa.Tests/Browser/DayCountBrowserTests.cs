using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The live day count explains itself (issue 14 §9): what it left out, the balance after the request, a warning when
/// the request does not fit the balance or counts no working day, and why a range makes no leave — in French here, the
/// Web's default language (the English words are checked by the leave pages' tests).
/// </summary>
public sealed class DayCountBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_count_names_christmas_the_balance_after_and_warns_before_a_request_that_cannot_be_sent()
    {
        var team = await TestCompany.CreateAsync(app);
        var (employee, membershipId) = await team.AddMemberAsync(app, name: "Noémie Noël");
        await team.Admin.CreditAsync(team.CompanyId, membershipId, "PAID", 3.5m);
        // The week of a Christmas that falls on a Friday, the next one to come.
        var christmas = new DateOnly(DateTime.UtcNow.Year + 1, 12, 25);
        while (christmas.DayOfWeek != DayOfWeek.Friday) christmas = christmas.AddYears(1);
        var monday = christmas.AddDays(-4);

        await using var web = await WebBrowser.OpenAsync(app, chromium, language: "fr");
        await web.SignInAsync(employee.Email, employee.Password);
        await web.GoToAsync($"/companies/{team.CompanyId}/leaves");
        var page = web.Page;
        var count = page.Locator("#leave-day-count");
        var text = count.Locator(".day-count__text");
        var warning = count.Locator(".day-count__warning");

        // Monday to Friday: four days, Christmas left out, and half a day more than the balance.
        await page.GetByLabel("Type de congé").SelectOptionAsync("PAID");
        await page.GetByLabel("Premier jour", new() { Exact = true }).FillAsync(monday.Iso());
        await page.GetByLabel("Dernier jour", new() { Exact = true }).FillAsync(christmas.Iso());
        await Expect(text).ToHaveTextAsync("4 jours ouvrés (hors Noël) · solde après : -0,5 jour", TextWait);
        await Expect(warning).ToHaveTextAsync("C'est 0,5 jour de plus que le solde.", TextWait);
        await Expect(warning).ToBeVisibleAsync();
        await web.ScreenshotAsync("day-count-over-balance-fr");

        // Ending at noon on Thursday fits exactly; the warning goes.
        await page.GetByLabel("Dernier jour", new() { Exact = true }).FillAsync(christmas.AddDays(-1).Iso());
        await page.GetByLabel("Finir à midi").CheckAsync();
        await Expect(text).ToHaveTextAsync("3,5 jours ouvrés · solde après : 0 jour", TextWait);
        await Expect(warning).ToBeHiddenAsync();

        // A type without a balance says nothing of one.
        await page.GetByLabel("Type de congé").SelectOptionAsync("UNPAID");
        await Expect(text).ToHaveTextAsync("3,5 jours ouvrés", TextWait);

        // Only the weekend after Christmas: no working day, said before sending.
        await page.GetByLabel("Finir à midi").UncheckAsync();
        await page.GetByLabel("Premier jour", new() { Exact = true }).FillAsync(christmas.AddDays(1).Iso());
        await page.GetByLabel("Dernier jour", new() { Exact = true }).FillAsync(christmas.AddDays(2).Iso());
        await Expect(warning).ToHaveTextAsync("Ces dates ne comptent aucun jour ouvré : choisissez-en au moins un.", TextWait);
        await Expect(text).ToHaveTextAsync("0 jour ouvré", TextWait);

        // The last day before the first: the count says why these dates make no leave.
        await page.GetByLabel("Dernier jour", new() { Exact = true }).FillAsync(monday.Iso());
        await Expect(warning).ToHaveTextAsync("La date de fin doit être égale ou postérieure à la date de début.", TextWait);
        await Expect(text).ToBeEmptyAsync();
        Assert.Empty(await employee.LeavesAsync(team.CompanyId, membershipId));
    }
}
