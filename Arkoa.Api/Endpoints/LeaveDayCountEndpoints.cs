using Arkoa.Api.Auth;
using Arkoa.Api.Capacity;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.LeaveTypes;
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
            .WithSummary("The working days between two dates with optional half days, under the company's calendar, what it left out, "
                + "with a type the balance after the request, and the blackout periods, team coverage shortfalls and teammates away it meets "
                + "(any member for themselves; a manager for a member).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Results<Ok<DayCountResponse>, ValidationProblem, ProblemHttpResult>> Count(
        Guid companyId, [AsParameters] DayCountQuery query, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (range, errors) = query.Parse(out var balanceOf);
        if (errors.Count > 0) return Problems.Fields(errors);
        var userId = context.User.UserId();
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (caller is null) return Problems.Forbidden();
        var membershipId = balanceOf.MembershipId ?? caller.Id;
        // Someone else's balance is a manager's to see, and only of a member of this company, as on the member's page.
        if (membershipId != caller.Id && await db.MemberReadRefusalAsync(companyId, membershipId, userId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (start, end, startHalf, endHalf) = range;
        if (LeavePlanner.RangeError(start, end, startHalf, endHalf) is { } rangeError) return rangeError.ToProblem();
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == companyId, cancellationToken);
        var companyHolidays = await db.CompanyHolidays.AsNoTracking()
            .Where(h => h.CompanyId == companyId && h.Date >= start && h.Date <= end)
            .Select(h => new { h.Date, h.Name }).ToListAsync(cancellationToken);
        var calendar = LeaveDayCounter.WithHolidayNames(company, companyHolidays.Select(h => (h.Date, h.Name)));
        var explained = calendar.Explain(start, end, startHalf, endHalf);

        var types = await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken);
        var balance = balanceOf.Type is { } type && types.UsesBalance(type)
            ? await BalanceAfterAsync(db, membershipId, type, explained.Days, balanceOf.LeaveId, cancellationToken)
            : null;
        var holidays = explained.Holidays
            .Select(h => new DayCountHoliday(h.Date, h.Name, h.IsPublic ? HolidayKind.Public : HolidayKind.Company)).ToList();
        var capacity = await db.ForRequestAsync(company, membershipId, new HalfDaySpan(start, end, startHalf, endHalf), balanceOf.Type, calendar, cancellationToken);
        return TypedResults.Ok(new DayCountResponse(explained.Days, explained.NonWorkingDays, holidays, balance, capacity));
    }

    /// <summary>The member's balance of <paramref name="type"/> and what the request would leave of it.</summary>
    private static async Task<DayCountBalance> BalanceAfterAsync(ArkoaDbContext db, Guid membershipId, LeaveType type,
        decimal days, Guid? editedLeaveId, CancellationToken cancellationToken)
    {
        var remaining = await db.LeaveBalances.AsNoTracking()
            .Where(b => b.MembershipId == membershipId && b.Type == type)
            .Select(b => (decimal?)b.RemainingDays).SingleOrDefaultAsync(cancellationToken) ?? 0;
        // Only a pending leave of this member still holds its days for an edit to give back.
        var edited = editedLeaveId is { } leaveId
            ? await db.Leaves.AsNoTracking()
                .Where(l => l.Id == leaveId && l.MembershipId == membershipId && l.Status == LeaveStatus.PENDING && l.DeletedAt == null)
                .Select(l => new { l.Type, l.Days }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var after = BalanceForecast.After(type, usesBalance: true, days, remaining, edited is null ? null : (edited.Type, edited.Days))!.Value;
        return new DayCountBalance(type, remaining, after);
    }
}
