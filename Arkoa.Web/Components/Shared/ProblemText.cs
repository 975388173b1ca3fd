using Arkoa.Web.Api;

namespace Arkoa.Web.Components.Shared;

/// <summary>The one sentence of an Api problem worth showing next to a row or field: its detail, else its first field message, else its title.</summary>
public static class ProblemText
{
    public static string Of(ApiProblem problem) =>
        problem.Detail is { Length: > 0 } detail ? detail
        : problem.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? problem.Title;
}
