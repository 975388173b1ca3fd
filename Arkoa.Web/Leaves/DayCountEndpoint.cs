using Arkoa.Web.Api;
using Arkoa.Web.Auth;
using Arkoa.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Arkoa.Web.Leaves;

/// <summary>
/// GET /companies/{companyId}/leaves/day-count: the request form's script asks here (same origin, the Web cookie) and the
/// Web asks the Api with the session token, so the live count uses the Api's own counting rule and the token never
/// reaches the browser. Answers the count in the reader's words, as the form shows it without script
/// (<see cref="DayCountSummary"/>): { "days": 2.5, "text": "2.5 working days · balance after: 3 days", "warning": null,
/// "notice": "Away in your team then: Ann." },
/// or the Api's problem, its field message in the reader's language as the detail (400: why these dates make no leave).
/// </summary>
public static class DayCountEndpoint
{
    public static IEndpointRouteBuilder MapDayCountEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/companies/{companyId:guid}/leaves/day-count", CountAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> CountAsync(
        Guid companyId, string? startDate, string? endDate, string? startHalf, string? endHalf, string? type, string? membershipId,
        string? leaveId, HttpContext context, ArkoaApiClient api, IStringLocalizer<SharedText> text)
    {
        // The answer depends on the session and the company's calendar: never reuse it.
        context.Response.Headers.CacheControl = "no-store";
        if (ArkoaClaims.TokenOf(context.User) is null) return Results.Unauthorized();

        var result = await api.CountLeaveDaysAsync(companyId.ToString(), startDate ?? "", endDate ?? "", startHalf, endHalf,
            context.RequestAborted, type, membershipId, leaveId);
        if (result.Succeeded)
        {
            var summary = DayCountSummary.Of(result.Value, text);
            return Results.Ok(new { result.Value.Days, summary.Text, summary.Warning, summary.Notice });
        }
        var problem = result.Problem;
        // The field's message says what is wrong with the dates ("the last day is before the first"), better than the title.
        var detail = problem.Detail ?? problem.Errors.Values.SelectMany(messages => messages).FirstOrDefault();
        return Results.Problem(statusCode: problem.Status, title: problem.Title, detail: detail,
            extensions: problem.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = problem.Errors } : null);
    }
}
