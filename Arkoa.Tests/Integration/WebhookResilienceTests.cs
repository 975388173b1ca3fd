using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Webhook deliveries across a crash (issue 18): every Worker replica killed while one delivery is in flight loses
/// nothing; the delivery in flight is posted again with the same event id. Alone, since it kills the Workers.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WebhookResilienceTests(ArkoaAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Workers_killed_in_the_middle_of_a_delivery_lose_nothing_once_restarted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = 1;
        // The first request is held (the Worker waits for the answer, its claim locked) until the Workers are dead.
        receiver.Answer = async (_, _) =>
        {
            if (Interlocked.Exchange(ref holding, 0) == 1)
            {
                firstArrived.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(8));
                return 503; // the Worker that asked is dead by now; a failure, so only a redelivery can make this event arrive
            }
            return 200;
        };
        var company = await TestCompany.CreateAsync(app);
        var hook = await company.CreateWebhookAsync(receiver.Url, "leave.submitted");
        var ids = await company.PingManyAsync(hook.Id, 10);

        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var workers = new WorkerProcesses(app);
        await workers.KillAllAsync();
        var deliveredAtKill = receiver.Received.Count(r => r.AnsweredStatus == 200);
        output.WriteLine($"{deliveredAtKill} of {ids.Count} answered when the Workers were killed.");
        Assert.True(deliveredAtKill < ids.Count, "Every event was delivered before the kill: the test proved nothing.");

        await workers.StartAllAsync();
        var complete = await receiver.WaitForAsync(r => ids.All(id => r.Any(x => x.EventId == id && x.AnsweredStatus == 200)), TimeSpan.FromSeconds(90));
        Assert.True(complete, $"An event was lost: {ids.Count(id => !receiver.Received.Any(x => x.EventId == id))} never arrived.");

        // A delivery the receiver took but a killed Worker never marked is posted again by a restarted one, then marked.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        List<JsonElement> deliveries;
        do
        {
            await Task.Delay(250);
            deliveries = (await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.WebhooksUrl($"/{hook.Id}/deliveries")))!;
        }
        while (deliveries.Any(d => d.GetProperty("status").GetString() != "delivered") && DateTime.UtcNow < deadline);
        Assert.Equal(ids.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("delivered", d.GetProperty("status").GetString()));
        // At least once: a copy can only be what a killed Worker had in flight, with the same event id.
        var copies = receiver.Received.GroupBy(r => r.EventId).Sum(g => g.Count() - 1);
        output.WriteLine($"{copies} event(s) received more than once.");
        Assert.True(copies <= WorkerProcesses.Replicas, $"{copies} copies: more than one in-flight delivery per killed Worker.");
    }
}
