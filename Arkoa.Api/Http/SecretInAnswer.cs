namespace Arkoa.Api.Http;

/// <summary>
/// Endpoint metadata: the answer carries a secret shown once (an API token, a calendar link), so it is never stored
/// for an idempotent replay (<see cref="IdempotencyKeys"/>) — the database would otherwise keep the secret in clear.
/// </summary>
public sealed class SecretInAnswer
{
    public static readonly SecretInAnswer Instance = new();

    private SecretInAnswer() { }
}
