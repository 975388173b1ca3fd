using System.Text.Json;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Http;

public static class ProblemDetailsConventions
{
    /// <summary>
    /// Every problem the framework writes gets a code like the Api's own (an unknown route's 404, a 405, an exception's
    /// 500, the request validation's 400…), and every validation problem names fields as clients send them (camelCase
    /// JSON names, "startDate" not "StartDate"), carries one title and the codes of its field errors.
    /// </summary>
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails validation)
        {
            validation.Title = "Invalid request";
            var renamed = validation.Errors.ToDictionary(e => JsonName(e.Key), e => e.Value);
            if (!validation.Extensions.ContainsKey("errorCodes"))
            {
                // The framework's request validation (data annotations) knows no codes: find the attribute behind each message.
                var requestType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
                var fields = validation.Errors
                    .Select(e => (JsonName(e.Key), (IReadOnlyList<FieldError>)e.Value.Select(m => ValidationAttributeCodes.Of(requestType, e.Key, m)).ToList()))
                    .ToList();
                foreach (var (name, value) in Problems.FieldExtensions(fields)) validation.Extensions[name] = value;
                var all = fields.SelectMany(f => f.Item2).ToList();
                if (!validation.Extensions.ContainsKey("code"))
                {
                    if (all.Count == 1) Problems.Stamp(validation, all[0].Code, all[0].Values);
                    else Problems.Stamp(validation, ProblemCodes.InvalidRequest);
                }
            }
            validation.Errors.Clear();
            foreach (var (key, messages) in renamed) validation.Errors[key] = messages;
        }
        if (!problem.Extensions.ContainsKey("code"))
        {
            Problems.Stamp(problem, CodeOf(problem.Status ?? context.HttpContext.Response.StatusCode));
        }
    }

    /// <summary>The code of a problem nobody gave one, by its status.</summary>
    public static string CodeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ProblemCodes.NotSignedIn,
        StatusCodes.Status403Forbidden => ProblemCodes.Forbidden,
        StatusCodes.Status404NotFound => ProblemCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemCodes.MethodNotAllowed,
        StatusCodes.Status409Conflict => ProblemCodes.Conflict,
        StatusCodes.Status413PayloadTooLarge => ProblemCodes.BodyTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ProblemCodes.TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => ProblemCodes.Unavailable,
        >= 500 => ProblemCodes.ServerError,
        _ => ProblemCodes.InvalidRequest,
    };

    private static string JsonName(string key) =>
        string.Join('.', key.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
