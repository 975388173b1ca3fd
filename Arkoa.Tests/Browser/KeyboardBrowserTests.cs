using System.Globalization;
using System.Net;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Arkoa.Tests.Browser.LeaveWebKit;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// Issue 14, "Checks for the whole Web": the leave request and review forms with the keyboard alone (Tab, Shift+Tab,
/// arrows, Space, Enter; never a click or a fill on a control). Focus reaches every control in reading order, each one
/// Tab reaches shows a focus ring, and after an error the focus is on the error summary (§3).
/// </summary>
public sealed class KeyboardBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    /// <summary>More than any page's links and controls before its forms: reaching it means Tab never got stuck.</summary>
    private const int MaxTabs = 80;

    private const string SendButton = "form:has(#leave-type) button[type=submit]:not([name])";
    private const string CountButton = "form:has(#leave-type) button[value=preview]";

    [Fact]
    public async Task A_leave_is_requested_then_approved_and_another_rejected_with_a_note_by_keyboard_alone()
    {
        var team = await TestCompany.CreateAsync(app);
        await team.Admin.UseEnglishAsync();
        var (kim, kimId) = await team.AddMemberAsync(app, name: "Kim Keyboard");
        await kim.UseEnglishAsync();
        await team.Admin.CreditAsync(team.CompanyId, kimId, "PAID", 1);
        var monday = TestDates.FebruaryMondayNextYear();

        await using var employee = await WebBrowser.OpenAsync(app, chromium);
        await employee.SignInAsync(kim.Email, kim.Password);
        await employee.GoToAsync($"/companies/{team.CompanyId}/leaves");
        var page = employee.Page;

        // From the top of the page, Tab reaches the form, then each control in reading order.
        await TabToAsync(page, "#leave-type");
        Assert.Equal("PAID", await page.Locator("#leave-type").InputValueAsync());
        await TabAsync(page, "#leave-start");
        await page.Keyboard.TypeAsync(Typed(monday));
        Assert.Equal(monday.Iso(), await page.Locator("#leave-start").InputValueAsync());
        await TabPastDateAsync(page, "#leave-start", "#leave-end");
        await page.Keyboard.TypeAsync(Typed(monday.AddDays(2)));
        Assert.Equal(monday.AddDays(2).Iso(), await page.Locator("#leave-end").InputValueAsync());
        await TabPastDateAsync(page, "#leave-end", "#leave-start-afternoon");
        await TabAsync(page, "#leave-end-noon");
        await page.Keyboard.PressAsync("Space");
        await TabAsync(page, "#leave-reason");
        await page.Keyboard.TypeAsync("Family trip");
        await TabAsync(page, SendButton);
        await TabAsync(page, CountButton);
        // Shift+Tab walks back the same way.
        await TabAsync(page, SendButton, backwards: true);
        await TabAsync(page, "#leave-reason", backwards: true);
        await TabAsync(page, "#leave-end-noon", backwards: true);
        Assert.Equal(monday.Iso(), await page.Locator("#leave-start").InputValueAsync());
        Assert.Equal(monday.AddDays(2).Iso(), await page.Locator("#leave-end").InputValueAsync());
        Assert.True(await page.Locator("#leave-end-noon").IsCheckedAsync());
        await Expect(page.Locator("#leave-day-count")).ToContainTextAsync("2.5 working days", ContainsWait);

        // 2.5 days over a balance of 1: the page comes back with the focus on the error summary, above the form.
        await TabAsync(page, "#leave-reason");
        await TabAsync(page, SendButton);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".alert")).ToBeFocusedAsync();
        Assert.Empty(await kim.LeavesAsync(team.CompanyId, kimId));

        // From the summary, Tab leads into the form again: an unpaid leave instead (typing its name picks it).
        await TabToAsync(page, "#leave-type");
        await page.Keyboard.TypeAsync("Unpaid");
        Assert.Equal("UNPAID", await page.Locator("#leave-type").InputValueAsync());
        await TabToAsync(page, SendButton);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/leaves?sent=*");
        var sent = Assert.Single(await kim.LeavesAsync(team.CompanyId, kimId));
        Assert.Equal("UNPAID", sent.GetProperty("type").GetString());
        Assert.Equal("Family trip", sent.GetProperty("reason").GetString());
        var firstLeave = sent.GetProperty("id").GetString()!;
        var secondLeave = await kim.CreateLeaveAsync(team.CompanyId, kimId, "UNPAID", monday.AddDays(7), monday.AddDays(7));

        // The manager approves the first request with Enter on its Approve button.
        await using var manager = await WebBrowser.OpenAsync(app, chromium);
        await manager.SignInAsync(team.Admin.Email, team.Admin.Password);
        await manager.GoToAsync($"/companies/{team.CompanyId}/approvals");
        var review = manager.Page;
        await TabToAsync(review, $"#note-{firstLeave}");
        await TabAsync(review, $"#leave-{firstLeave} button[value=APPROVED]");
        await review.Keyboard.PressAsync("Enter");
        await review.WaitForURLAsync("**/approvals?done=APPROVED");

        // Rejecting without a note brings the form back with the focus on its error; with a note, Space rejects.
        await TabToAsync(review, $"#note-{secondLeave}");
        await TabAsync(review, $"#leave-{secondLeave} button[value=APPROVED]");
        await TabAsync(review, $"#leave-{secondLeave} button[value=REJECTED]");
        await review.Keyboard.PressAsync("Space");
        await Expect(review.Locator($"#leave-{secondLeave} .alert")).ToBeFocusedAsync();
        await TabAsync(review, $"#note-{secondLeave}");
        await review.Keyboard.TypeAsync("Team offsite that week");
        await TabAsync(review, $"#leave-{secondLeave} button[value=APPROVED]");
        await TabAsync(review, $"#leave-{secondLeave} button[value=REJECTED]");
        await review.Keyboard.PressAsync("Space");
        await review.WaitForURLAsync("**/approvals?done=REJECTED");

        var leaves = (await kim.LeavesAsync(team.CompanyId, kimId)).ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal("APPROVED", leaves[firstLeave].GetProperty("status").GetString());
        Assert.Equal("REJECTED", leaves[secondLeave].GetProperty("status").GetString());
        Assert.Equal("Team offsite that week", leaves[secondLeave].GetProperty("managerNote").GetString());
    }

    /// <summary>A date as typed into Chromium's English date field: month, day, year (each part moves on when full).</summary>
    private static string Typed(DateOnly date) => date.ToString("MMddyyyy", CultureInfo.InvariantCulture);

    /// <summary>One Tab (or Shift+Tab) must land on <paramref name="selector"/>, with a visible focus ring.</summary>
    private static async Task TabAsync(IPage page, string selector, bool backwards = false)
    {
        await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        Assert.True(await IsFocusedAsync(page, selector), $"After {(backwards ? "Shift+Tab" : "Tab")} the focus is on {await FocusedAsync(page)}, not {selector}.");
        await ExpectFocusRingAsync(page);
    }

    /// <summary>
    /// Out of a date field: Chromium's Tab first visits the field's remaining parts (month, day, year), so at most
    /// three presses leave it, and the next must be <paramref name="next"/>.
    /// </summary>
    private static async Task TabPastDateAsync(IPage page, string date, string next)
    {
        for (var part = 0; part < 3 && await IsFocusedAsync(page, date); part++) await page.Keyboard.PressAsync("Tab");
        Assert.True(await IsFocusedAsync(page, next), $"Out of {date} the focus is on {await FocusedAsync(page)}, not {next}.");
        await ExpectFocusRingAsync(page);
    }

    /// <summary>Tabs until <paramref name="selector"/> has the focus; every element passed on the way shows its focus too.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var passed = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await ExpectFocusRingAsync(page);
            if (await IsFocusedAsync(page, selector)) return;
            passed.Add(await FocusedAsync(page));
        }
        Assert.Fail($"{MaxTabs} presses of Tab never reached {selector}; they went through: {string.Join(" → ", passed)}");
    }

    private static Task<bool> IsFocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector);

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return "the page itself";
            return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + ` "${(e.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
        }
        """);

    /// <summary>The focused element draws a ring from the stylesheet: an outline or a box shadow.</summary>
    private static async Task ExpectFocusRingAsync(IPage page)
    {
        var missing = await page.EvaluateAsync<string?>("""
            () => {
                const e = document.activeElement;
                if (!e || e === document.body) return null;
                const style = getComputedStyle(e);
                const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
                const shadow = style.boxShadow && style.boxShadow !== "none";
                return outline || shadow ? null
                    : `no focus ring (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}, `
                        + `:focus-visible ${e.matches(":focus-visible")}, :focus ${e.matches(":focus")}, page focused ${document.hasFocus()}, class "${e.className}")`;
            }
            """);
        Assert.True(missing is null, $"{await FocusedAsync(page)} has the focus but shows {missing}.");
    }
}
