using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Slack and Teams channels through the Api (issue 18): admins only and no token, the incoming-webhook address kept
/// encrypted and never echoed (only its host and last 4 characters), only the service's own hosts, and leave events
/// queued for a channel like for any webhook endpoint. Delivery and the message shapes: <see cref="WebhookDeliveryTests"/>.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ChatChannelApiTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task An_admin_creates_lists_changes_tests_and_deletes_a_channel_whose_address_is_never_echoed()
    {
        var company = await TestCompany.CreateAsync(app);
        var response = await company.Admin.Http.PostAsJsonAsync(company.ChatChannelsUrl(), new
        {
            kind = "SLACK", url = $"  {ChatChannelKit.SlackUrl}  ", name = " #absences ", events = new[] { "leave.approved", "leave.submitted" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("SlackSecretPart", body, StringComparison.Ordinal);
        var created = JsonDocument.Parse(body).RootElement;
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("SLACK", created.GetProperty("kind").GetString());
        Assert.Equal("#absences", created.GetProperty("name").GetString());
        Assert.Equal("hooks.slack.com …1234", created.GetProperty("urlHint").GetString());
        Assert.Equal(["leave.submitted", "leave.approved"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("fr", created.GetProperty("language").GetString()); // left out: the admin's (French by default)
        Assert.False(created.TryGetProperty("url", out _));

        // Stored encrypted, bound to the channel: readable with the deployment's key only.
        var stored = await WebhookKit.EncryptedSecretAsync(app, id);
        Assert.DoesNotContain("SlackSecretPart", stored, StringComparison.Ordinal);
        Assert.Equal(ChatChannelKit.SlackUrl, new WebhookSecretProtector(InProcessApi.WebhookKey).Unprotect(stored, Guid.Parse(id)));

        var listBody = await company.Admin.Http.GetStringAsync(company.ChatChannelsUrl());
        Assert.DoesNotContain("SlackSecretPart", listBody, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(listBody).RootElement.EnumerateArray());
        // A channel is not a signed webhook: not listed nor reachable there (rotating its "secret" would lose its address).
        Assert.Empty((await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.WebhooksUrl()))!);
        await (await company.Admin.Http.PostAsync(company.WebhooksUrl($"/{id}/rotate-secret"), null)).AssertProblemAsync(HttpStatusCode.NotFound, "webhook-not-found");

        var changed = await company.Admin.PatchAsync(company.ChatChannelsUrl($"/{id}"), new { active = false, language = "en" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("active").GetBoolean());
        Assert.Equal("en", after.GetProperty("language").GetString());
        Assert.Equal("#absences", after.GetProperty("name").GetString());

        // The test message is queued even for an inactive channel.
        var test = await company.Admin.Http.PostAsync(company.ChatChannelsUrl($"/{id}/test"), null);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        Assert.Equal("ping", Assert.Single(await WebhookKit.QueuedAsync(app, id)).EventType);

        Assert.Equal(HttpStatusCode.NoContent, (await company.Admin.Http.DeleteAsync(company.ChatChannelsUrl($"/{id}"))).StatusCode);
        await (await company.Admin.Http.DeleteAsync(company.ChatChannelsUrl($"/{id}"))).AssertProblemAsync(HttpStatusCode.NotFound, "chat-channel-not-found");
        Assert.Empty((await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.ChatChannelsUrl()))!);
    }

    [Fact]
    public async Task Only_the_company_s_admins_signed_in_manage_channels()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var channel = (await team.CreateChatChannelAsync("TEAMS", ChatChannelKit.TeamsUrl)).GetProperty("id").GetString();
        var other = await TestCompany.CreateAsync(app);
        var token = await team.Admin.CreateTokenAsync(app, team.CompanyId, "read", "write", "approve");
        var body = new { kind = "SLACK", url = ChatChannelKit.SlackUrl, name = "x", events = new[] { "leave.submitted" } };

        foreach (var member in new[] { team.Manager, team.Employee })
        {
            await (await member.Http.GetAsync(team.ChatChannelsUrl())).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
            await (await member.Http.PostAsJsonAsync(team.ChatChannelsUrl(), body)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
            await (await member.Http.PostAsync(team.ChatChannelsUrl($"/{channel}/test"), null)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
            await (await member.Http.DeleteAsync(team.ChatChannelsUrl($"/{channel}"))).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
        }
        await (await other.Admin.Http.GetAsync(team.ChatChannelsUrl())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Http.DeleteAsync(other.ChatChannelsUrl($"/{channel}"))).AssertProblemAsync(HttpStatusCode.NotFound, "chat-channel-not-found");
        await (await token.Http.GetAsync(team.ChatChannelsUrl())).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
        await (await token.Http.PostAsJsonAsync(team.ChatChannelsUrl(), body)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");

        Assert.Single((await team.Admin.Http.GetFromJsonAsync<List<JsonElement>>(team.ChatChannelsUrl()))!);
    }

    [Theory]
    [InlineData("SLACK", "https://hooks.example.com/services/x", "url", "webhook-url-not-allowed")]
    [InlineData("SLACK", ChatChannelKit.TeamsUrl, "url", "webhook-url-not-allowed")]
    [InlineData("TEAMS", "http://contoso.webhook.office.com/x", "url", "webhook-url-not-allowed")]
    [InlineData("TEAMS", "https://169.254.169.254/latest/meta-data/", "url", "webhook-url-not-allowed")]
    [InlineData("DISCORD", ChatChannelKit.SlackUrl, "kind", "invalid-choice")]
    public async Task A_bad_channel_is_refused_naming_its_field_and_nothing_changes(string kind, string url, string field, string code)
    {
        var company = await TestCompany.CreateAsync(app);
        var problem = await (await company.Admin.Http.PostAsJsonAsync(company.ChatChannelsUrl(),
            new { kind, url, name = "x", events = new[] { "leave.submitted" } })).AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.DoesNotContain("SlackSecretPart", problem.ToString(), StringComparison.Ordinal);
        Assert.Empty((await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.ChatChannelsUrl()))!);

        // A change is checked against the channel's kind, and a refused one leaves it as it was.
        var channel = await company.CreateChatChannelAsync("SLACK", ChatChannelKit.SlackUrl);
        var id = channel.GetProperty("id").GetString()!;
        if (field == "url")
        {
            await (await company.Admin.PatchAsync(company.ChatChannelsUrl($"/{id}"), new { url })).AssertProblemAsync(HttpStatusCode.BadRequest, code);
        }
        var stored = await WebhookKit.EncryptedSecretAsync(app, id);
        Assert.Equal(ChatChannelKit.SlackUrl, new WebhookSecretProtector(InProcessApi.WebhookKey).Unprotect(stored, Guid.Parse(id)));
    }

    [Fact]
    public async Task A_submitted_leave_is_queued_for_an_active_channel_subscribed_to_it()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var slack = (await team.CreateChatChannelAsync("SLACK", ChatChannelKit.SlackUrl, "en", "leave.submitted")).GetProperty("id").GetString()!;
        var approvedOnly = (await team.CreateChatChannelAsync("TEAMS", ChatChannelKit.TeamsUrl, "fr", "leave.approved")).GetProperty("id").GetString()!;

        var day = TestDates.FebruaryMondayNextYear();
        await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", day, day);

        var queued = Assert.Single(await WebhookKit.QueuedAsync(app, slack));
        Assert.Equal("leave.submitted", queued.EventType);
        Assert.Empty(await WebhookKit.QueuedAsync(app, approvedOnly));
    }

    [Fact]
    public async Task A_channel_s_deliveries_are_listed_for_its_admins_and_only_a_dead_one_is_sent_again()
    {
        var company = await TestCompany.CreateAsync(app);
        var other = await TestCompany.CreateAsync(app);
        var channel = (await company.CreateChatChannelAsync("SLACK", ChatChannelKit.SlackUrl)).GetProperty("id").GetString()!;
        var hook = await company.CreateWebhookAsync("https://example.com/hook");
        Assert.Equal(HttpStatusCode.Accepted, (await company.Admin.Http.PostAsync(company.ChatChannelsUrl($"/{channel}/test"), null)).StatusCode);
        var deliveries = company.ChatChannelsUrl($"/{channel}/deliveries");
        var pending = Assert.Single((await company.Admin.GetJsonAsync(deliveries)).EnumerateArray());
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        var redeliver = company.ChatChannelsUrl($"/{channel}/deliveries/{pending.GetProperty("id").GetString()}/redeliver");
        await (await company.Admin.Http.PostAsync(redeliver, null)).AssertProblemAsync(HttpStatusCode.Conflict, "webhook-delivery-not-dead");

        // As the Worker leaves it after its last attempt: dead, then queued again at once.
        await CompanyTestKit.ScalarAsync(app, "UPDATE webhook_deliveries SET dead_at = now(), attempts = 4 WHERE id = $1::uuid RETURNING 1",
            pending.GetProperty("id").GetString()!);
        Assert.Equal("dead", Assert.Single((await company.Admin.GetJsonAsync(deliveries)).EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await company.Admin.Http.PostAsync(redeliver, null)).StatusCode);
        var again = Assert.Single((await company.Admin.GetJsonAsync(deliveries)).EnumerateArray());
        Assert.Equal("pending", again.GetProperty("status").GetString());
        Assert.Equal(0, again.GetProperty("attempts").GetInt32());

        // A webhook address is not a channel, another company's admin finds nothing, and only admins look.
        await (await company.Admin.Http.GetAsync(company.ChatChannelsUrl($"/{hook.Id}/deliveries"))).AssertProblemAsync(HttpStatusCode.NotFound, "chat-channel-not-found");
        await (await company.Admin.Http.PostAsync(company.ChatChannelsUrl($"/{channel}/deliveries/{Guid.NewGuid()}/redeliver"), null))
            .AssertProblemAsync(HttpStatusCode.NotFound, "webhook-delivery-not-found");
        await (await other.Admin.Http.GetAsync(other.ChatChannelsUrl($"/{channel}/deliveries"))).AssertProblemAsync(HttpStatusCode.NotFound, "chat-channel-not-found");
        var (member, _) = await company.AddMemberAsync(app, role: "MANAGER");
        await (await member.Http.GetAsync(deliveries)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
    }
}
