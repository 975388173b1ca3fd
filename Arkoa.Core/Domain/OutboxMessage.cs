namespace Arkoa.Core.Domain;

/// <summary>
/// A notification to send, written in the same transaction as the change that causes it,
/// then delivered at least once by the Worker.
/// </summary>
public sealed class OutboxMessage : Entity
{
    public required string Kind { get; set; }

    /// <summary>JSON document; its shape depends on <see cref="Kind"/>.</summary>
    public required string Payload { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeadAt { get; set; }
}
