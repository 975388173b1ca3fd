using Arkoa.Core.Domain;
using Arkoa.Core.Text;

namespace Arkoa.Api.Http;

/// <summary>
/// Checks query-string and route values like JSON strings, before the endpoint runs: a tampered link
/// (<c>?token=a%00b</c>) is a 400 naming the parameter, never a value handed to the database (issue 13, point 16).
/// </summary>
public sealed class QueryAndRouteTextCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new FieldErrors();
        foreach (var (name, values) in context.Request.Query)
        {
            if (ControlCharacters.AnyRefused(name) || values.Any(v => v is not null && ControlCharacters.AnyRefused(v)))
            {
                var field = Printable(name);
                errors.Set(field, ProblemCodes.ControlCharacters, InputRefusals.ControlCharacters);
            }
        }
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && ControlCharacters.AnyRefused(text)) errors.Set(name, ProblemCodes.ControlCharacters, InputRefusals.ControlCharacters);
        }
        if (errors.Count > 0)
        {
            // A SCIM client reads SCIM's error schema, not the Api's problems.
            await (context.Request.Path.StartsWithSegments("/scim")
                ? Scim.ScimResults.Error(Arkoa.Core.Scim.ScimError.InvalidValue("The query or the path contains control characters."))
                : Problems.Fields(errors)).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    // The parameter's name is echoed in the problem: never with the characters it is refused for.
    private static string Printable(string name) =>
        ControlCharacters.AnyRefused(name) ? string.Concat(name.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)) : name;
}
