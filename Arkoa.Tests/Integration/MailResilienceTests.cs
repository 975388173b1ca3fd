using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Mail delivery under load, with the suite's two Worker replicas (--Arkoa:WorkerReplicas=2), and across a crash.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MailResilienceTests(ArkoaAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_worker_replicas_deliver_200_queued_messages_exactly_once()
    {
        Assert.Equal(WorkerProcesses.Replicas, (await new WorkerProcesses(app).InstanceNamesAsync()).Count);
        var load = OutboxLoad.Create(app);
        var ids = await load.QueueAsync(200);

        Assert.True(await load.WaitAllSentAsync(ids, TimeSpan.FromSeconds(90)), "Not every message was marked sent.");
        var received = await load.ReceivedAsync(ids.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(ids.Select(OutboxLoad.MessageIdOf).Order(), received.Keys.Order());
        Assert.All(received, r => Assert.True(r.Value == 1, $"{r.Key} arrived {r.Value} times."));
    }

    [Fact]
    public async Task Workers_killed_in_the_middle_of_a_batch_lose_nothing_once_restarted()
    {
        var workers = new WorkerProcesses(app);
        var load = OutboxLoad.Create(app);
        var ids = await load.QueueAsync(200);

        // Kill every replica hard as soon as sending is under way.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await load.SentAsync(ids) < 5 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await workers.KillAllAsync();
        var sentAtKill = await load.SentAsync(ids);
        output.WriteLine($"{sentAtKill} of {ids.Count} marked sent when the Workers were killed.");
        Assert.True(sentAtKill < ids.Count, "Every message was sent before the kill: the test proved nothing.");

        await workers.StartAllAsync();
        Assert.True(await load.WaitAllSentAsync(ids, TimeSpan.FromSeconds(90)), "A message was lost: not every message was marked sent.");

        // Every message arrived; a copy can only be the one message each killed process had in flight (same Message-Id).
        var received = await load.ReceivedAsync(ids.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(ids.Select(OutboxLoad.MessageIdOf).Order(), received.Keys.Order());
        var duplicates = received.Values.Sum(v => v - 1);
        output.WriteLine($"{duplicates} duplicate(s) after the crash.");
        Assert.True(duplicates <= WorkerProcesses.Replicas, $"{duplicates} duplicates: more than one in-flight message per killed Worker.");
    }

    [Fact]
    public async Task Worker_health_is_degraded_by_dead_letters_and_by_old_pending_mail()
    {
        var ops = new WorkerOps(app);
        var http = await ops.ClientAsync();
        var deadId = Guid.NewGuid();
        var staleId = Guid.NewGuid();
        try
        {
            // A kind no template knows is dead-lettered at its first attempt.
            await ops.ExecuteSqlAsync("""
                INSERT INTO outbox_messages (id, kind, payload, attempts, next_attempt_at, created_at, updated_at)
                VALUES ($1, 'test.unknown-kind', '{}', 0, now(), now(), now())
                """, deadId);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await ops.ScalarAsync<bool>("SELECT dead_at IS NULL FROM outbox_messages WHERE id = $1", deadId) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            var outbox = await OutboxCheckAsync(http);
            Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
            Assert.Contains("dead-lettered", outbox.GetProperty("description").GetString());
            Assert.Equal("Degraded", (await http.GetFromJsonAsync<JsonElement>("/ops/status")).GetProperty("status").GetString());
            Assert.Contains("Degraded", await app.Client("worker").GetStringAsync("/health"));

            // Older than a day, the dead letter no longer degrades health; a message waiting for an hour does.
            await ops.ExecuteSqlAsync("UPDATE outbox_messages SET dead_at = now() - interval '25 hours' WHERE id = $1", deadId);
            await ops.ExecuteSqlAsync("""
                INSERT INTO outbox_messages (id, kind, payload, attempts, next_attempt_at, created_at, updated_at)
                VALUES ($1, 'test.unknown-kind', '{}', 3, now() + interval '1 day', now() - interval '1 hour', now())
                """, staleId);
            outbox = await OutboxCheckAsync(http);
            Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
            Assert.DoesNotContain("dead-lettered", outbox.GetProperty("description").GetString());
            Assert.Contains("oldest message to send", outbox.GetProperty("description").GetString());
        }
        finally
        {
            await ops.ExecuteSqlAsync("DELETE FROM outbox_messages WHERE id = ANY($1)", new[] { deadId, staleId });
        }
        Assert.Equal("Healthy", (await OutboxCheckAsync(http)).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> OutboxCheckAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/ops/status")).GetProperty("checks").GetProperty("outbox");
}
