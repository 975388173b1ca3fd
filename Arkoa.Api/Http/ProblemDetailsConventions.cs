using System.Text.Json;

namespace Arkoa.Api.Http;

public static class ProblemDetailsConventions
{
    /// <summary>
    /// Every validation problem names fields as clients send them (camelCase JSON names, "startDate" not
    /// "StartDate"), whichever part of the framework produced it, and carries one title.
    /// </summary>
    public static void Apply(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails validation) return;
        validation.Title = "Invalid request";
        var renamed = validation.Errors.ToDictionary(e => JsonName(e.Key), e => e.Value);
        validation.Errors.Clear();
        foreach (var (key, messages) in renamed) validation.Errors[key] = messages;
    }

    private static string JsonName(string key) =>
        string.Join('.', key.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
