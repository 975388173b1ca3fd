using Microsoft.AspNetCore.Http.HttpResults;

namespace Arkoa.Api.Http;

/// <summary>The RFC 7807 answers of ARCHITECTURE.md "Errors", in one place so every endpoint says them alike.</summary>
public static class Problems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid request");

    public static ValidationProblem Fields(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid request");

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: detail);

    public static ProblemHttpResult Forbidden(string detail = "You are not allowed to do this.") =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} was not found.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>429 with the Retry-After header (whole seconds) that tells the client when to try again.</summary>
    public static ProblemHttpResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = ApiRateLimiting.Seconds(retryAfter);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail);
    }
}
