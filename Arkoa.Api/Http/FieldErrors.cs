namespace Arkoa.Api.Http;

/// <summary>One refusal of a field: its code (<see cref="Core.Domain.ProblemCodes"/>), the English message and the values it was built from.</summary>
public sealed record FieldError(string Code, string Message, IReadOnlyDictionary<string, object?>? Values = null);

/// <summary>
/// The field errors of a request, in the order found: <see cref="Problems.Fields"/> turns them into the standard
/// <c>errors</c> map (field → English messages) and its parallel <c>errorCodes</c> (field → codes, same order) and
/// <c>errorValues</c> (field → each error's values).
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<FieldError>> _errors = new();

    public int Count => _errors.Count;

    public bool ContainsKey(string field) => _errors.ContainsKey(field);

    public IEnumerable<KeyValuePair<string, List<FieldError>>> Fields => _errors;

    /// <summary>Replaces what <paramref name="field"/> had: one refusal per field is enough to fix it.</summary>
    public void Set(string field, string code, string message, IReadOnlyDictionary<string, object?>? values = null) =>
        _errors[field] = [new FieldError(code, message, values)];

    public void AddRange(FieldErrors other)
    {
        foreach (var (field, errors) in other._errors) _errors[field] = errors;
    }
}
