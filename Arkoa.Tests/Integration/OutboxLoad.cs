using System.Text.RegularExpressions;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Queues many mails at once straight into the outbox (as the Api would, in bulk), and counts what smtp4dev received
/// by Message-Id, which the Worker derives from each outbox row's id.
/// </summary>
public sealed partial class OutboxLoad(ArkoaAppFixture app, string tag)
{
    public static OutboxLoad Create(ArkoaAppFixture app) => new(app, Guid.NewGuid().ToString("N")[..10]);

    public async Task<IReadOnlyList<Guid>> QueueAsync(int count)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO outbox_messages (id, kind, payload, attempts, next_attempt_at, created_at, updated_at)
            SELECT gen_random_uuid(), 'auth.verify-email',
                   jsonb_build_object('to', 'bulk-' || $1 || '-' || i || '@example.test', 'name', 'Bulk ' || i, 'token', 'token-' || i, 'language', 'en'),
                   0, now(), now(), now()
            FROM generate_series(1, $2) AS i
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue(tag);
        command.Parameters.AddWithValue(count);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    public async Task<int> SentAsync(IReadOnlyList<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE id = ANY($1) AND sent_at IS NOT NULL", connection);
        command.Parameters.AddWithValue(ids.ToArray());
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<bool> WaitAllSentAsync(IReadOnlyList<Guid> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await SentAsync(ids) == ids.Count) return true;
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>
    /// Message-Id → how many copies smtp4dev received, for this load's messages, once at least
    /// <paramref name="expected"/> arrived (or the wait is over).
    /// </summary>
    public async Task<Dictionary<string, int>> ReceivedAsync(int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<SmtpInbox.Message> ours;
        while (true)
        {
            ours = (await app.Inbox().ListAsync()).Where(m => m.To.Any(t => t.Contains($"bulk-{tag}-", StringComparison.Ordinal))).ToList();
            if (ours.Count >= expected || DateTime.UtcNow > deadline) break;
            await Task.Delay(500);
        }
        var smtp = app.Client("smtp");
        var counts = new Dictionary<string, int>();
        foreach (var message in ours)
        {
            // The raw message as received, headers included.
            var raw = await smtp.GetStringAsync($"/api/messages/{message.Id}/raw");
            var id = MessageIdHeader().Match(raw).Groups[1].Value;
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        return counts;
    }

    public static string MessageIdOf(Guid outboxId) => $"{outboxId:N}@arkoa";

    [GeneratedRegex(@"^Message-Id:\s*<([^>]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdHeader();
}
