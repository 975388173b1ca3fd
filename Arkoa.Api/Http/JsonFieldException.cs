using System.Text.Json;

namespace Arkoa.Api.Http;

/// <summary>
/// A JSON value that reads but that a rule of the Api refuses (<see cref="JsonInputRules"/>). Its path names the field,
/// and <see cref="BadRequestExceptionHandler"/> turns it into a 400 naming that field, with this message, code and values.
/// </summary>
public sealed class JsonFieldException(string field, string code, string message, IReadOnlyDictionary<string, object?>? values = null)
    : JsonException(message, "$." + field, null, null)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?>? Values { get; } = values;
}
