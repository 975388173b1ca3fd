using Arkoa.Web.Api;
using Arkoa.Web.Auth;

namespace Arkoa.Web.Leaves;

/// <summary>
/// GET /companies/{companyId}/leaves/day-count: the request form's script asks here (same origin, the Web cookie) and the
/// Web asks the Api with the session token, so the live count uses the Api's own counting rule and the token never
/// reaches the browser. Answers the Api's JSON: { "days": 2.5 } or its problem (400 naming the field).
/// </summary>
public static class DayCountEndpoint
{
    public static IEndpointRouteBuilder MapDayCountEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/companies/{companyId:guid}/leaves/day-count", CountAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> CountAsync(
        Guid companyId, string? startDate, string? endDate, string? startHalf, string? endHalf, HttpContext context, ArkoaApiClient api)
    {
        // The answer depends on the session and the company's calendar: never reuse it.
        context.Response.Headers.CacheControl = "no-store";
        if (ArkoaClaims.TokenOf(context.User) is null) return Results.Unauthorized();

        var result = await api.CountLeaveDaysAsync(companyId.ToString(), startDate ?? "", endDate ?? "", startHalf, endHalf,
            context.RequestAborted);
        if (result.Succeeded) return Results.Ok(result.Value);
        var problem = result.Problem;
        return Results.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail,
            extensions: problem.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = problem.Errors } : null);
    }
}
