using System.Net;
using System.Text.Json;
using Arkoa.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Arkoa.Tests.Browser;

/// <summary>
/// The Slack and Teams section of the Webhooks page on a phone, as an admin, with forms only: a channel added shows its
/// name and only the hint of its address, and its test message reaches a real receiver as a Slack message in the
/// channel's language.
/// </summary>
public sealed class ChatChannelBrowserTests(ArkoaAppFixture app, ChromiumFixture chromium) : IClassFixture<ArkoaAppFixture>, IClassFixture<ChromiumFixture>
{
    private sealed record Words(string Add, string SendTest, string Sent, string TestMessage);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["en"] = new("Add the channel", "Send a test message to {0}", "A test message is on its way.", "Test message from Arkoa: this channel is connected."),
        ["fr"] = new("Ajouter le canal", "Envoyer un message de test à {0}", "Un message de test est en route.", "Message de test d’Arkoa\u00A0: ce canal est bien relié."),
    };

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_admin_adds_a_slack_channel_sees_only_its_hint_and_sends_a_test_message_on_a_phone(string language)
    {
        var words = Texts[language];
        await using var receiver = await WebhookReceiver.StartAsync();
        var company = await TestCompany.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PatchAsync("/api/users/me", new { language })).StatusCode);
        await using var phone = await WebBrowser.OpenAsync(app, chromium, language, WebBrowser.Phone);
        await phone.SignInAsync(company.Admin.Email, company.Admin.Password);
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        var page = phone.Page;

        await page.Locator("#chat-kind").SelectOptionAsync("SLACK");
        await page.Locator("#chat-url").FillAsync(receiver.Url);
        await page.Locator("#chat-name").FillAsync("#absences");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Add }).ClickAsync();

        var section = page.Locator("#chat");
        await Expect(section.Locator(".webhook-list")).ToContainTextAsync("#absences");
        await Expect(section.Locator(".webhook-list")).ToContainTextAsync("…hook");
        // The address is not shown back in full: only its host and last 4 characters.
        Assert.DoesNotContain(receiver.Url, await section.InnerTextAsync(), StringComparison.Ordinal);
        // Measured once the page and its stylesheet are loaded: a run measured the company bar before it wrapped.
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Null(await LeaveWebKit.OverflowAsync(page));
        await phone.ScreenshotAsync($"chat-channel-{language}");

        await page.GetByRole(AriaRole.Button, new() { Name = string.Format(words.SendTest, "#absences") }).ClickAsync();
        await Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync(words.Sent);
        Assert.True(await receiver.WaitForAsync(r => r.Count > 0, TimeSpan.FromSeconds(60)), "The test message never arrived.");
        var message = JsonDocument.Parse(receiver.Received[0].Body).RootElement;
        Assert.Equal(words.TestMessage, message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_admin_sees_a_channel_s_messages_with_their_attempts_and_sends_a_dead_one_again_on_a_phone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Down at first: the test message is tried until the Worker gives up (4 attempts here), then up again.
        var down = true;
        receiver.Answer = (_, _) => Task.FromResult(down ? 500 : 200);
        var company = await TestCompany.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PatchAsync("/api/users/me", new { language = "en" })).StatusCode);
        var channelId = (await company.CreateChatChannelAsync("SLACK", receiver.Url)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await company.Admin.Http.PostAsync(company.ChatChannelsUrl($"/{channelId}/test"), null)).StatusCode);
        Assert.True(await receiver.WaitForAsync(r => r.Count >= 4, TimeSpan.FromSeconds(60)), "The Worker did not try four times.");
        var deliveries = company.ChatChannelsUrl($"/{channelId}/deliveries");
        var dead = false;
        for (var i = 0; i < 100 && !dead; i++)
        {
            dead = (await company.Admin.GetJsonAsync(deliveries)).EnumerateArray().Single().GetProperty("status").GetString() == "dead";
            if (!dead) await Task.Delay(200);
        }
        Assert.True(dead, "The message was never dead-lettered.");

        await using var phone = await WebBrowser.OpenAsync(app, chromium, "en", WebBrowser.Phone);
        await phone.SignInAsync(company.Admin.Email, company.Admin.Password);
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks");
        var page = phone.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Deliveries to SLACK channel" }).ClickAsync();
        var history = page.Locator("#chat-deliveries");
        await Expect(history.Locator("h3")).ToHaveTextAsync("Recent messages to SLACK channel");
        await Expect(history.Locator(".badge")).ToHaveTextAsync("Given up");
        await Expect(history.Locator(".webhook-attempts li")).ToHaveCountAsync(4);
        await Expect(history.Locator(".webhook-attempts li").Last).ToContainTextAsync("HTTP 500");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Null(await LeaveWebKit.OverflowAsync(page));
        await phone.ScreenshotAsync("chat-channel-deliveries");

        down = false;
        await history.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();
        await Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("The delivery will be tried again.");
        Assert.True(await receiver.WaitForAsync(r => r.Count >= 5, TimeSpan.FromSeconds(60)), "The message was not sent again.");
        var delivered = false;
        for (var i = 0; i < 60 && !delivered; i++)
        {
            delivered = (await company.Admin.GetJsonAsync(deliveries)).EnumerateArray().Single().GetProperty("status").GetString() == "delivered";
            if (!delivered) await Task.Delay(500);
        }
        Assert.True(delivered, "The message sent again was never marked delivered.");
        await phone.GoToAsync($"/companies/{company.CompanyId}/webhooks?endpoint={channelId}");
        await Expect(page.Locator("#chat-deliveries .badge")).ToHaveTextAsync("Delivered");
        await Expect(page.Locator("#chat-deliveries .webhook-attempts li").Last).ToContainTextAsync("HTTP 200");
    }
}
