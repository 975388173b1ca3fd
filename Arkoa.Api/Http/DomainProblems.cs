using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Http;

/// <summary>
/// The one mapping from a domain refusal to its RFC 7807 answer (SPEC §5 "Errors"): the status of its kind, <c>type</c>
/// <c>https://arkoa.dev/problems/&lt;code&gt;</c>, the <c>code</c> and the error's values as extensions, and for a
/// validation error the usual <c>errors</c> map keyed by the field with the English message.
/// </summary>
public static class DomainProblems
{
    public const string TypePrefix = "https://arkoa.dev/problems/";

    public static ProblemHttpResult ToProblem(this DomainError error)
    {
        ProblemDetails details = error.Kind switch
        {
            DomainErrorKind.Validation => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [error.Field ?? "body"] = [error.Message] })
            { Status = StatusCodes.Status400BadRequest, Title = "Invalid request" },
            DomainErrorKind.Forbidden => new() { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = error.Message },
            DomainErrorKind.NotFound => new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = error.Message },
            _ => new() { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = error.Message },
        };
        details.Type = TypePrefix + error.Code;
        details.Extensions["code"] = error.Code;
        foreach (var (name, value) in error.ValuesOrEmpty) details.Extensions[name] = value;
        return TypedResults.Problem(details);
    }
}
