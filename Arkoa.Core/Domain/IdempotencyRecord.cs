namespace Arkoa.Core.Domain;

/// <summary>
/// The first answer to a write sent with an <c>Idempotency-Key</c>, per caller and key, kept 24 hours so a repeat gets
/// it again instead of doing the work twice. Inserted before the work runs (its unique key is the lock that lets only
/// one request with that key run, on every replica); <see cref="StatusCode"/> is null while that request runs.
/// </summary>
public sealed class IdempotencyRecord : Entity
{
    public Guid UserId { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path, query and body (<see cref="Tokens.IdempotentRequest"/>).</summary>
    public required string RequestHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}
