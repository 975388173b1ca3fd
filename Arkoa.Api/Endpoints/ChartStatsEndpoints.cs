using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.LeaveTypes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/stats/charts: what the managers' dashboard draws (issue 14 §16).</summary>
public static class ChartStatsEndpoints
{
    public const int Months = 12;

    public static RouteGroupBuilder MapChartStatsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/companies/{companyId:guid}/stats/charts", Charts).WithName("GetChartStats")
            .WithTags("Stats")
            .WithSummary("Approved absences per month over the last 12 months by type, and each member's paid leave used and left this year (managers).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Results<Ok<ChartStatsResponse>, ProblemHttpResult>> Charts(
        Guid companyId, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (caller, company, _) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is not { IsManager: true } || company is null) return Problems.Forbidden(ProblemCodes.ManagerOnlyCompanyView, "Only a manager of this company can see this.");
        var today = CompanyClock.Today(company, clock);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);
        var lastDay = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);

        // Only the extents cross the wire; the days are split by month under the company's calendar (MonthlyAbsences).
        var spans = await db.Leaves.AsNoTracking()
            .Where(l => l.Membership!.CompanyId == companyId && l.Membership.Active && l.Status == LeaveStatus.APPROVED
                && l.DeletedAt == null && l.StartDate <= lastDay && l.EndDate >= firstMonth)
            .Select(l => new AbsenceSpan(l.Type, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf))
            .ToListAsync(cancellationToken);
        var counter = await LeavePlanner.CounterAsync(db, company, firstMonth, lastDay, cancellationToken);
        var types = await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken);
        var absences = spans.Where(s => types.Find(s.Type)?.CountsAsAbsence != false); // a type the company says is no absence is left out
        var months = MonthlyAbsences.Count(counter, firstMonth, Months, absences)
            .Select(m => new MonthAbsencesResponse(m.Month,
                m.DaysByType.OrderBy(d => d.Key).Select(d => new TypeDaysResponse(d.Key, d.Value)).ToList()))
            .ToList();

        // One aggregate per member in SQL: the year's paid days asked for or taken, and the paid balance left.
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == companyId && m.Active)
            .OrderBy(m => m.User!.Name).ThenBy(m => m.Id)
            .Select(m => new MemberBalanceUsageResponse(m.Id, m.User!.Name,
                m.Leaves.Where(l => l.Type == LeaveType.PAID && l.DeletedAt == null
                        && (l.Status == LeaveStatus.APPROVED || l.Status == LeaveStatus.PENDING)
                        && l.StartDate >= yearStart && l.StartDate <= yearEnd)
                    .Sum(l => (decimal?)l.Days) ?? 0m,
                m.Balances.Where(b => b.Type == LeaveType.PAID).Sum(b => (decimal?)b.RemainingDays) ?? 0m))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ChartStatsResponse(months, members));
    }
}
