using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Http;

/// <summary>
/// The RFC 7807 answers of docs/architecture.md "Errors", in one place so every endpoint says them alike: each carries
/// <c>type</c> https://arkoa.dev/problems/&lt;code&gt;, the extension <c>code</c> (<see cref="ProblemCodes"/>) and its
/// values as extensions, beside the English title and detail.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "https://arkoa.dev/problems/";

    public static ValidationProblem Field(string field, string code, string message, IReadOnlyDictionary<string, object?>? values = null)
    {
        var errors = new FieldErrors();
        errors.Set(field, code, message, values);
        return Fields(errors);
    }

    /// <summary>
    /// One validation problem for all the fields. Its own code is the one error's when there is one (with its values), else
    /// <see cref="ProblemCodes.InvalidRequest"/>.
    /// </summary>
    public static ValidationProblem Fields(FieldErrors errors)
    {
        var all = errors.Fields.SelectMany(f => f.Value).ToList();
        var single = all.Count == 1 ? all[0] : null;
        var code = single?.Code ?? ProblemCodes.InvalidRequest;
        var extensions = FieldExtensions(errors.Fields.Select(f => (f.Key, (IReadOnlyList<FieldError>)f.Value)));
        extensions["code"] = code;
        foreach (var (name, value) in single?.Values ?? new Dictionary<string, object?>()) extensions[name] = value;
        return TypedResults.ValidationProblem(
            errors.Fields.ToDictionary(f => f.Key, f => f.Value.Select(e => e.Message).ToArray()),
            title: "Invalid request", type: TypePrefix + code, extensions: extensions);
    }

    /// <summary><c>errorCodes</c> and, when some error has values, <c>errorValues</c>: parallel to <c>errors</c>.</summary>
    public static Dictionary<string, object?> FieldExtensions(IEnumerable<(string Field, IReadOnlyList<FieldError> Errors)> fields)
    {
        var list = fields.ToList();
        var extensions = new Dictionary<string, object?>
        {
            ["errorCodes"] = list.ToDictionary(f => f.Field, f => f.Errors.Select(e => e.Code).ToArray()),
        };
        if (list.Any(f => f.Errors.Any(e => e.Values is { Count: > 0 })))
        {
            extensions["errorValues"] = list.ToDictionary(f => f.Field,
                f => f.Errors.Select(e => e.Values ?? new Dictionary<string, object?>()).ToArray());
        }
        return extensions;
    }

    public static ProblemHttpResult Unauthorized(string code, string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "Not signed in", code, detail);

    public static ProblemHttpResult Forbidden(string code = ProblemCodes.Forbidden, string detail = "You are not allowed to do this.") =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", code, detail);

    /// <param name="what">"The membership": the detail says "The membership was not found."</param>
    public static ProblemHttpResult NotFound(string code, string what) =>
        Problem(StatusCodes.Status404NotFound, "Not found", code, $"{what} was not found.");

    public static ProblemHttpResult Conflict(string code, string detail, IReadOnlyDictionary<string, object?>? values = null) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", code, detail, values);

    /// <summary>429 with the Retry-After header (whole seconds) that tells the client when to try again.</summary>
    public static ProblemHttpResult TooManyRequests(
        HttpContext context, TimeSpan retryAfter, string code, string detail, IReadOnlyDictionary<string, object?>? values = null)
    {
        context.Response.Headers.RetryAfter = ApiRateLimiting.Seconds(retryAfter);
        return Problem(StatusCodes.Status429TooManyRequests, "Too many requests", code, detail, values);
    }

    public static ProblemHttpResult Problem(
        int status, string title, string code, string? detail, IReadOnlyDictionary<string, object?>? values = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        Stamp(problem, code, values);
        return TypedResults.Problem(problem);
    }

    /// <summary>Gives <paramref name="problem"/> its code: <c>type</c>, <c>code</c> and the values as extensions.</summary>
    public static void Stamp(ProblemDetails problem, string code, IReadOnlyDictionary<string, object?>? values = null)
    {
        problem.Type = TypePrefix + code;
        problem.Extensions["code"] = code;
        foreach (var (name, value) in values ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
    }
}
