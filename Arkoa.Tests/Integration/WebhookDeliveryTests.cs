using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Webhooks delivered by the AppHost's two Worker replicas to a real receiver on loopback (issue 18): signed, carrying
/// the event id, a leave's events in order even when the first one needs retries, each event once while nothing
/// fails, dead letters after the last attempt (the suite's Workers give up after 4) and their redelivery; Slack and Teams
/// channels get their message through the same delivery.
/// </summary>
public sealed class WebhookDeliveryTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Deliveries_are_signed_with_the_event_id_and_a_leave_s_later_event_waits_for_the_earlier_one_retried_after_a_500()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The submission fails twice (retried after about 1 then 2 s): meanwhile the approval is queued and must wait.
        receiver.Answer = (request, before) => Task.FromResult(
            request.EventType == "leave.submitted" && before.Count(b => b.EventType == "leave.submitted") < 2 ? 500 : 200);
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var hook = await team.CreateWebhookAsync(receiver.Url, "leave.submitted", "leave.approved");

        var day = TestDates.FebruaryMondayNextYear(3);
        var leaveId = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", day, day);
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" })).StatusCode);

        Assert.True(await receiver.WaitForAsync(r => r.Any(x => x.EventType == "leave.approved"), Patience),
            $"The approval never arrived; received: {string.Join(", ", receiver.Received.Select(r => $"{r.EventType} {r.AnsweredStatus}"))}");
        var received = receiver.Received;
        Assert.Equal(["leave.submitted 500", "leave.submitted 500", "leave.submitted 200", "leave.approved 200"],
            received.Select(r => $"{r.EventType} {r.AnsweredStatus}"));

        foreach (var request in received)
        {
            Assert.True(WebhookSignature.Verify(hook.Secret, request.Signature, request.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance),
                $"Bad signature {request.Signature}");
            Assert.False(WebhookSignature.Verify("whsec_someone_else", request.Signature, request.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));
            var envelope = JsonDocument.Parse(request.Body).RootElement;
            Assert.Equal(request.EventId, envelope.GetProperty("id").GetString());
            Assert.Equal(request.EventType, envelope.GetProperty("type").GetString());
            Assert.Equal(leaveId, envelope.GetProperty("data").GetProperty("leaveId").GetString());
            Assert.StartsWith("Arkoa-Webhooks/", request.UserAgent);
        }
        // Every try of one event carries the same event id and body: receivers de-duplicate with it.
        Assert.Single(received.Take(3).Select(r => r.EventId).Distinct());
        Assert.Single(received.Take(3).Select(r => r.Body).Distinct());

        // The admins see the attempts: two 500s, then the success.
        var deliveries = await WaitForDeliveriesAsync(team, hook.Id, list => list.All(d => d.GetProperty("status").GetString() == "delivered"));
        var submitted = deliveries.Single(d => d.GetProperty("eventType").GetString() == "leave.submitted");
        Assert.Equal(3, submitted.GetProperty("attempts").GetInt32());
        Assert.Equal([500, 500, 200], submitted.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal("receiver says no", submitted.GetProperty("attemptLog")[0].GetProperty("responseExcerpt").GetString());
        Assert.Equal("HTTP 500", submitted.GetProperty("attemptLog")[0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Two_worker_replicas_deliver_each_of_30_events_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var company = await TestCompany.CreateAsync(app);
        var hook = await company.CreateWebhookAsync(receiver.Url, "leave.submitted");
        var ids = await company.PingManyAsync(hook.Id, 30);

        Assert.True(await receiver.WaitForAsync(r => r.Count >= ids.Count, Patience), $"{receiver.Received.Count} of {ids.Count} arrived.");
        await WaitForDeliveriesAsync(company, hook.Id, list => list.Count == ids.Count && list.All(d => d.GetProperty("status").GetString() == "delivered"));
        Assert.Equal(ids.Order(), receiver.Received.Select(r => r.EventId!).Order());
    }

    [Fact]
    public async Task A_delivery_failing_every_time_is_dead_lettered_after_the_last_attempt_and_an_admin_sends_it_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failing = true;
        receiver.Answer = (_, _) => Task.FromResult(Volatile.Read(ref failing) ? 503 : 204);
        var company = await TestCompany.CreateAsync(app);
        var hook = await company.CreateWebhookAsync(receiver.Url, "member.joined");
        var ping = await company.PingAsync(hook.Id);
        var deliveryId = ping.GetProperty("deliveryId").GetString()!;

        var dead = (await WaitForDeliveriesAsync(company, hook.Id, list => list.Single().GetProperty("status").GetString() == "dead")).Single();
        Assert.Equal(4, dead.GetProperty("attempts").GetInt32());
        Assert.Equal(4, dead.GetProperty("attemptLog").GetArrayLength());
        Assert.All(dead.GetProperty("attemptLog").EnumerateArray(), a => Assert.Equal(503, a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(503, dead.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(4, receiver.Received.Count);

        // The metrics count outcomes only: no address, company or endpoint in them.
        var scrape = await PrometheusScrape.WaitForAsync(app.Client("worker"), s => s.Has("arkoa_webhook_deliveries_total"));
        Assert.True(scrape.Has("arkoa_webhook_deliveries_total"), "No webhook delivery metric.");
        Assert.DoesNotContain("127.0.0.1", string.Join("\n", scrape.Text.Split('\n').Where(l => l.StartsWith("arkoa_webhook", StringComparison.Ordinal))));

        Volatile.Write(ref failing, false);
        Assert.Equal(HttpStatusCode.Accepted,
            (await company.Admin.Http.PostAsync(company.WebhooksUrl($"/{hook.Id}/deliveries/{deliveryId}/redeliver"), null)).StatusCode);
        var delivered = (await WaitForDeliveriesAsync(company, hook.Id, list => list.Single().GetProperty("status").GetString() == "delivered")).Single();
        Assert.Equal(5, delivered.GetProperty("attemptLog").GetArrayLength());
        Assert.Equal(204, delivered.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(5, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.EventId).Distinct());
    }

    [Fact]
    public async Task A_submitted_leave_reaches_a_slack_and_a_teams_channel_once_each_as_their_message_with_the_approvals_link()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var team = await CompanyTestKit.CreateTeamAsync(app);
        // The suite's Workers allow private targets: both channels post to the loopback receiver, told apart by their shape.
        await team.CreateChatChannelAsync("SLACK", receiver.Url, "en", "leave.submitted");
        await team.CreateChatChannelAsync("TEAMS", receiver.Url, "fr", "leave.submitted");

        var day = TestDates.FebruaryMondayNextYear(4);
        var leaveId = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", day, day);
        var link = $"/companies/{team.CompanyId}/approvals?leave={leaveId}#leave-{leaveId}";

        Assert.True(await receiver.WaitForAsync(r => r.Count >= 2, Patience), $"{receiver.Received.Count} of 2 arrived.");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the other replica had its chance to post one again
        var received = receiver.Received;
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Null(r.Signature)); // Slack and Teams do not verify signatures: the URL is the secret
        Assert.All(received, r => Assert.Equal("leave.submitted", r.EventType));

        var slack = JsonDocument.Parse(Assert.Single(received, r => r.Body.Contains("\"blocks\"")).Body).RootElement;
        Assert.StartsWith("New request from ", slack.GetProperty("text").GetString());
        var section = slack.GetProperty("blocks")[0];
        Assert.Equal("mrkdwn", section.GetProperty("text").GetProperty("type").GetString());
        Assert.Contains(": Paid leave on ", section.GetProperty("text").GetProperty("text").GetString()); // the mails' words, not the code
        Assert.EndsWith(link, section.GetProperty("accessory").GetProperty("url").GetString());

        var teams = JsonDocument.Parse(Assert.Single(received, r => r.Body.Contains("\"attachments\"")).Body).RootElement;
        Assert.Equal("message", teams.GetProperty("type").GetString());
        var attachment = teams.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        Assert.StartsWith("Nouvelle demande de ", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Contains("\u00A0: Congés payés le ", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("Action.OpenUrl", card.GetProperty("actions")[0].GetProperty("type").GetString());
        Assert.EndsWith(link, card.GetProperty("actions")[0].GetProperty("url").GetString());

        // Delivered, so their bodies are cleared: erasing the member must still work (it once cast '' to jsonb: a 500).
        await WaitUntilDeliveredAsync(team);
        var erased = await team.Employee.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me")
        {
            Content = JsonContent.Create(new { password = team.Employee.Password }),
        });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
    }

    /// <summary>Waits until none of the company's deliveries is pending any more (the Worker marks them after the post).</summary>
    private async Task WaitUntilDeliveredAsync(TestCompany company)
    {
        var deadline = DateTime.UtcNow + Patience;
        await using var connection = new Npgsql.NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM webhook_deliveries WHERE company_id = $1 AND delivered_at IS NULL", connection);
            command.Parameters.AddWithValue(Guid.Parse(company.CompanyId));
            if ((long)(await command.ExecuteScalarAsync())! == 0) return;
            Assert.True(DateTime.UtcNow < deadline, "The chat deliveries were never marked delivered.");
            await Task.Delay(250);
        }
    }

    private static async Task<List<JsonElement>> WaitForDeliveriesAsync(TestCompany company, string webhookId, Func<List<JsonElement>, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var list = (await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.WebhooksUrl($"/{webhookId}/deliveries")))!;
            if (list.Count > 0 && condition(list)) return list;
            Assert.True(DateTime.UtcNow < deadline, $"The deliveries never reached the expected state: {string.Join("\n", list)}");
            await Task.Delay(250);
        }
    }
}
