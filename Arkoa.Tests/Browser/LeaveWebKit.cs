using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;

namespace Arkoa.Tests.Browser;

/// <summary>Api-side setup and small browser helpers of the leave pages' tests.</summary>
public static class LeaveWebKit
{
    /// <summary>Long enough for a loaded two-core machine; a real failure still ends the test in seconds.</summary>
    public static readonly LocatorAssertionsToHaveTextOptions TextWait = new() { Timeout = 20_000 };

    public static readonly LocatorAssertionsToContainTextOptions ContainsWait = new() { Timeout = 20_000 };

    /// <summary>The account's language wins over the browser's at sign-in; the tests read English.</summary>
    public static async Task UseEnglishAsync(this ApiSession session)
    {
        var response = await session.Http.PatchAsync("/api/users/me", JsonContent.Create(new { language = "en" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>An Api session for someone who signed up elsewhere (through the Web, say).</summary>
    public static Task<ApiSession> SignInAsync(ArkoaAppFixture app, string email, string password) =>
        ApiSession.SignInAsync(app, email, password);

    /// <summary>Accepts the invitation mailed to <paramref name="member"/>; returns the new membership's id.</summary>
    public static async Task<string> AcceptInvitationAsync(ArkoaAppFixture app, ApiSession member)
    {
        var token = Assert.Single(await CompanyTestKit.InvitationTokensAsync(app, member.Email));
        var response = await member.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Fills the leave request form (the page must show it).</summary>
    public static async Task FillLeaveAsync(IPage page, string type, DateOnly start, DateOnly end, bool endAtNoon = false)
    {
        await page.GetByLabel("Type of leave").SelectOptionAsync(type);
        await page.GetByLabel("First day", new() { Exact = true }).FillAsync(start.Iso());
        await page.GetByLabel("Last day", new() { Exact = true }).FillAsync(end.Iso());
        if (endAtNoon) await page.GetByLabel("End at noon").CheckAsync();
    }

    /// <summary>
    /// Null when the page does not scroll sideways (document.scrollingElement.scrollWidth ≤ innerWidth); otherwise the
    /// widths and the elements that stick out, so the failure says what to fix.
    /// </summary>
    public static Task<string?> OverflowAsync(IPage page) =>
        page.EvaluateAsync<string?>("""
            () => {
                const width = window.innerWidth;
                if (document.scrollingElement.scrollWidth <= width) return null;
                const culprits = [...document.querySelectorAll("body *")]
                    .filter(e => e.getBoundingClientRect().right > width + 0.5)
                    .slice(0, 8)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${[...e.classList].join(".")} (right ${Math.round(e.getBoundingClientRect().right)})`);
                return `scrollWidth ${document.scrollingElement.scrollWidth} > ${width}: ${culprits.join(", ")}`;
            }
            """);

    /// <summary>The decimal as the English pages write it ("2.5", "14").</summary>
    public static string Days(decimal days) => days.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
