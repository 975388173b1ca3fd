using System.Text.Json;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace Arkoa.Api.Http;

/// <summary>
/// Turns a body or parameter the framework could not read (malformed JSON, a wrong type, an unknown
/// enum value, an impossible date, a body over the size limit, a body that is not JSON) or a JSON value a rule refused
/// (<see cref="JsonFieldException"/>, <see cref="JsonInputRules"/>) into a 400 (413, 415) problem naming the field, with its code.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;

        context.Response.StatusCode = badRequest.StatusCode;
        var problem = new HttpValidationProblemDetails { Status = badRequest.StatusCode, Title = "Invalid request" };
        if (FindJsonException(badRequest) is { } json)
        {
            // A value of the wrong type or format, or one a rule refuses, names its field; broken JSON syntax is the body's fault.
            var isValueError = json is JsonFieldException || json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
            var field = isValueError ? FieldName(json.Path) : "body";
            var error = json switch
            {
                JsonFieldException refused => new FieldError(refused.Code, refused.Message, refused.Values),
                _ when field == "body" => new FieldError(ProblemCodes.InvalidJson,
                    $"The body is not valid JSON (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}).",
                    new Dictionary<string, object?> { ["line"] = json.LineNumber + 1, ["position"] = json.BytePositionInLine + 1 }),
                _ => new FieldError(ProblemCodes.InvalidValue, $"The value of '{field}' is not valid."),
            };
            problem.Errors[field] = [error.Message];
            foreach (var (name, value) in Problems.FieldExtensions([(field, [error])])) problem.Extensions[name] = value;
            Problems.Stamp(problem, error.Code, error.Values);
        }
        else
        {
            problem.Detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large."
                : "The request could not be read.";
            Problems.Stamp(problem, badRequest.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ProblemCodes.BodyTooLarge,
                StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType,
                _ => ProblemCodes.UnreadableRequest,
            });
        }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is JsonException json) return json;
        }
        return null;
    }

    // "$.startDate" → "startDate"; "$" or nothing → "body".
    private static string FieldName(string? path)
    {
        var trimmed = (path ?? "$").TrimStart('$').TrimStart('.');
        return trimmed.Length == 0 ? "body" : trimmed;
    }
}
