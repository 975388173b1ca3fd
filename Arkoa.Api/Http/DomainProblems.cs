using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Http;

/// <summary>
/// The one mapping from a domain refusal to its RFC 7807 answer (SPEC §5 "Errors"): the status of its kind, <c>type</c>
/// <c>https://arkoa.dev/problems/&lt;code&gt;</c>, the <c>code</c> and the error's values as extensions, and for a
/// validation error the usual <c>errors</c> map keyed by the field with the English message, with its <c>errorCodes</c>.
/// </summary>
public static class DomainProblems
{
    public const string TypePrefix = Problems.TypePrefix;

    public static ProblemHttpResult ToProblem(this DomainError error)
    {
        ProblemDetails details;
        if (error.Kind == DomainErrorKind.Validation)
        {
            var field = error.Field ?? "body";
            var validation = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [error.Message] })
            { Status = StatusCodes.Status400BadRequest, Title = "Invalid request" };
            foreach (var (name, value) in Problems.FieldExtensions([(field, [new FieldError(error.Code, error.Message, error.Values)])]))
                validation.Extensions[name] = value;
            details = validation;
        }
        else
        {
            details = error.Kind switch
            {
                DomainErrorKind.Forbidden => new() { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = error.Message },
                DomainErrorKind.NotFound => new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = error.Message },
                DomainErrorKind.Gone => new() { Status = StatusCodes.Status410Gone, Title = "Gone", Detail = error.Message },
                _ => new() { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = error.Message },
            };
        }
        Problems.Stamp(details, error.Code, error.Values);
        return TypedResults.Problem(details);
    }
}
