using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/leaves/day-count: how many days a range would cost, counted exactly as a new leave
/// would be (so a request form can show it live without a second copy of the rule).
/// </summary>
public static class LeaveDayCountEndpoints
{
    public static RouteGroupBuilder MapLeaveDayCountEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/companies/{companyId:guid}/leaves/day-count", Count).WithName("CountLeaveDays")
            .WithTags("Leaves")
            .WithSummary("The working days between two dates with optional half days, under the company's calendar (any member).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Results<Ok<DayCountResponse>, ValidationProblem, ProblemHttpResult>> Count(
        Guid companyId, [AsParameters] DayCountQuery query, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (range, errors) = query.Parse();
        if (errors.Count > 0) return Problems.Fields(errors);
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is null) return Problems.Forbidden();

        var (start, end, startHalf, endHalf) = range;
        if (LeavePlanner.RangeError(start, end, startHalf, endHalf) is { } rangeError) return rangeError.ToProblem();
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == companyId, cancellationToken);
        var counter = await LeavePlanner.CounterAsync(db, company, start, end, cancellationToken);
        return TypedResults.Ok(new DayCountResponse(counter.Count(start, end, startHalf, endHalf)));
    }
}
