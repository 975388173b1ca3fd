using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>A webhook endpoint as its creation answered (the secret is in that answer only).</summary>
public sealed record TestWebhook(string Id, string Secret, string Url);

/// <summary>One row of <c>webhook_deliveries</c>, for checks of what was queued in a change's transaction.</summary>
public sealed record QueuedDelivery(Guid Id, string EventType, Guid EventId, Guid? OrderingKey, string Body)
{
    public JsonElement Envelope => JsonDocument.Parse(Body).RootElement;
}

public static class WebhookKit
{
    public static readonly string[] AllEvents =
        ["leave.submitted", "leave.approved", "leave.rejected", "leave.canceled", "balance.adjusted", "member.joined", "member.left"];

    public static string WebhooksUrl(this TestCompany company, string path = "") => company.Url("/webhooks" + path);

    /// <summary>Creates an endpoint through the Api as the company's admin; asserts the 201.</summary>
    public static async Task<TestWebhook> CreateWebhookAsync(this TestCompany company, string url, params string[] events)
    {
        var response = await company.Admin.Http.PostAsJsonAsync(company.WebhooksUrl(),
            new { url, description = "Test receiver", events = events.Length == 0 ? AllEvents : events });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TestWebhook(created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!, url);
    }

    /// <summary>Sends a test event to the endpoint through the Api; asserts the 202 and returns its answer (deliveryId, eventId).</summary>
    public static async Task<JsonElement> PingAsync(this TestCompany company, string webhookId)
    {
        var response = await company.Admin.Http.PostAsync(company.WebhooksUrl($"/{webhookId}/ping"), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Queues <paramref name="count"/> test events; returns their event ids.</summary>
    public static async Task<List<string>> PingManyAsync(this TestCompany company, string webhookId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add((await company.PingAsync(webhookId)).GetProperty("eventId").GetString()!);
        return ids;
    }

    /// <summary>The endpoint's queued deliveries in the order they were written.</summary>
    public static async Task<List<QueuedDelivery>> QueuedAsync(IArkoaApi app, string webhookId)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, event_type, event_id, ordering_key, body FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY sequence", connection);
        command.Parameters.AddWithValue(Guid.Parse(webhookId));
        var rows = new List<QueuedDelivery>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new QueuedDelivery(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetString(4)));
        }
        return rows;
    }

    /// <summary>The stored (encrypted) secret of an endpoint.</summary>
    public static async Task<string> EncryptedSecretAsync(IArkoaApi app, string webhookId)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT encrypted_secret FROM webhook_endpoints WHERE id = $1", connection);
        command.Parameters.AddWithValue(Guid.Parse(webhookId));
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
