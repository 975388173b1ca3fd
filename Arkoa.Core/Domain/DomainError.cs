namespace Arkoa.Core.Domain;

/// <summary>What kind of refusal a <see cref="DomainError"/> is; the Api turns each into its HTTP status.</summary>
public enum DomainErrorKind
{
    Validation,
    Forbidden,
    NotFound,
    Conflict,

    /// <summary>The thing existed and is no more usable (an expired or replaced link): 410.</summary>
    Gone,
}

/// <summary>
/// Why the domain refused something, without HTTP: a stable kebab-case <see cref="Code"/> clients may rely on, the
/// English <see cref="Message"/> the Api has always sent, the request field it is about (validation) and the
/// structured values the message was built from (e.g. <c>requested</c>, <c>remaining</c>), so a client can
/// localise it without parsing the sentence.
/// </summary>
public sealed record DomainError(
    string Code, DomainErrorKind Kind, string Message, string? Field = null, IReadOnlyDictionary<string, object?>? Values = null)
{
    public IReadOnlyDictionary<string, object?> ValuesOrEmpty => Values ?? new Dictionary<string, object?>();
}
