using System.Text.Json;

namespace Arkoa.Api.Http;

/// <summary>
/// A JSON value that reads but that a rule of the Api refuses (<see cref="JsonInputRules"/>). Its path names the field,
/// and <see cref="BadRequestExceptionHandler"/> turns it into a 400 naming that field, with this message.
/// </summary>
public sealed class JsonFieldException(string field, string message) : JsonException(message, "$." + field, null, null);
