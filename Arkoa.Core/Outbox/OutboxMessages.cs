using System.Text.Json;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Outbox;

/// <summary>
/// The kinds of message the Api queues and the Worker delivers. Each area declares its own kinds and
/// payloads in its own file (partial class); the Worker has one mail template per kind.
/// </summary>
public static partial class OutboxKinds
{
    public const string VerifyEmail = "auth.verify-email";
}

/// <summary>Payload of <see cref="OutboxKinds.VerifyEmail"/>: the raw token is needed to build the link.</summary>
public sealed record VerifyEmailPayload(string To, string Name, string Token, string Language);

public static class OutboxMessageFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage Create<TPayload>(string kind, TPayload payload) => new()
    {
        Kind = kind,
        Payload = JsonSerializer.Serialize(payload, Json),
        NextAttemptAt = DateTime.UtcNow,
    };

    public static TPayload Read<TPayload>(OutboxMessage message) =>
        JsonSerializer.Deserialize<TPayload>(message.Payload, Json)
        ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
}
