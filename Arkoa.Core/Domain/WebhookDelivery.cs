namespace Arkoa.Core.Domain;

/// <summary>
/// One event to deliver to one endpoint: the webhooks' outbox row, written in the transaction of the change (one row
/// per subscribed endpoint), then claimed, signed and posted by the Worker at least once.
/// </summary>
public sealed class WebhookDelivery : Entity
{
    /// <summary>Insertion order (a database sequence): which of two events about one leave came first.</summary>
    public long Sequence { get; set; }
    public Guid EndpointId { get; set; }
    public Guid CompanyId { get; set; }

    /// <summary>The event's id, the same for every endpoint and every attempt: receivers de-duplicate with it.</summary>
    public Guid EventId { get; set; }
    public required string EventType { get; set; }

    /// <summary>What the event is about (a leave, a membership): a later event with the same key waits for this one.</summary>
    public Guid? OrderingKey { get; set; }

    /// <summary>The exact JSON body that is signed and sent (text, not jsonb: the signature covers these bytes).</summary>
    public required string Body { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? DeadAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    public List<WebhookDeliveryAttempt> AttemptLog { get; set; } = [];
}
