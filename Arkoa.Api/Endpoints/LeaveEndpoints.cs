using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/memberships/{membershipId}/leaves: one member's leaves.</summary>
public static class LeaveEndpoints
{
    public static RouteGroupBuilder MapLeaveEndpoints(this RouteGroupBuilder api)
    {
        var leaves = api.MapGroup("/companies/{companyId:guid}/memberships/{membershipId:guid}/leaves").WithTags("Leaves");
        leaves.MapGet("/", List);
        leaves.MapPost("/", Create);
        return api;
    }

    private static async Task<Results<Ok<PagedList<LeaveResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, Guid membershipId, [AsParameters] LeaveFilterQuery filter, [AsParameters] PageQuery page,
        HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = page.Errors();
        foreach (var (field, messages) in filter.Errors()) errors[field] = messages;
        if (errors.Count > 0) return Problems.Fields(errors);
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || !caller.MayActFor(membershipId)) return Problems.Forbidden();

        var query = filter.Apply(db.Leaves.AsNoTracking().Where(l => l.MembershipId == membershipId && l.Membership!.CompanyId == companyId));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(l => l.StartDate).ThenBy(l => l.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<LeaveResponse>(items.Select(LeaveResponse.From).ToList(), total, page.Number, page.Size));
    }

    private static async Task<Results<Created<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid companyId, Guid membershipId, CreateLeaveRequest request, HttpContext context, ArkoaDbContext db,
        BalanceLedger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (caller is null || !caller.MayActFor(membershipId)) return Problems.Forbidden();

        var member = await db.Memberships.AsNoTracking().Include(m => m.Company)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.CompanyId == companyId, cancellationToken);
        if (member?.Company is null) return Problems.NotFound("The membership");
        if (!member.Active) return Problems.Conflict("This membership is deactivated.");

        var (startHalf, endHalf, halfError) = ResolveHalves(request);
        if (halfError is not null) return halfError;
        var type = request.Type!.Value;
        var start = request.StartDate!.Value;
        var end = request.EndDate!.Value;
        if (end < start) return Problems.Field("endDate", "The end date must be on or after the start date.");
        if (end.DayNumber - start.DayNumber > 366) return Problems.Field("endDate", "A leave cannot be longer than a year.");
        if (start < CompanyClock.Today(member.Company, clock) && !caller.IsManager)
        {
            return Problems.Field("startDate", "Only a manager can record a leave in the past.");
        }

        var companyHolidays = await db.CompanyHolidays.AsNoTracking()
            .Where(h => h.CompanyId == companyId && h.Date >= start && h.Date <= end)
            .Select(h => h.Date).ToListAsync(cancellationToken);
        var counter = LeaveDayCounter.For(member.Company, companyHolidays);
        var days = counter.Count(start, end, startHalf, endHalf);
        if (days == 0) return Problems.Field("endDate", "No working day in this range.");

        var span = new HalfDaySpan(start, end, startHalf, endHalf);
        var outcome = await db.InTransactionAsync<Results<Created<LeaveResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockMemberAsync(membershipId, ct);
            var neighbours = await db.Leaves.AsNoTracking()
                .Where(l => l.MembershipId == membershipId && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                    && l.StartDate <= end && l.EndDate >= start)
                .ToListAsync(ct);
            if (neighbours.Any(l => new HalfDaySpan(l.StartDate, l.EndDate, l.StartHalf, l.EndHalf).Overlaps(span, counter.IsWorkingDay)))
            {
                return Problems.Conflict("This leave overlaps another pending or approved leave.");
            }

            var leave = new Leave
            {
                MembershipId = membershipId, Type = type, StartDate = start, EndDate = end,
                StartHalf = startHalf, EndHalf = endHalf, Days = days, Reason = request.Reason?.Trim(),
            };
            db.Leaves.Add(leave);

            if (LeaveBalance.IsConsumedBy(type))
            {
                var balance = await ledger.GetOrCreateAsync(membershipId, type, ct);
                if (!ledger.TryApply(balance, -days, LeaveBalanceHistoryType.LEAVE_DEDUCTION, userId, leave.Id,
                        $"{type} leave {start:yyyy-MM-dd} – {end:yyyy-MM-dd} ({days} days)"))
                {
                    return Problems.Field("type", $"Insufficient balance: {days} days requested, {balance.RemainingDays} remaining.");
                }
            }

            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/companies/{companyId}/memberships/{membershipId}/leaves/{leave.Id}", LeaveResponse.From(leave));
        }, cancellationToken);

        if (outcome.Result is Created<LeaveResponse>)
        {
            ArkoaMetrics.LeavesRequested.Add(1, new KeyValuePair<string, object?>("type", type.ToString()));
        }
        return outcome;
    }

    /// <summary>
    /// startHalf=AFTERNOON / endHalf=MORNING trim the ends; the original's single halfDayPeriod means
    /// a one-day half-day leave taken in that period (SPEC §3).
    /// </summary>
    private static (HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, ValidationProblem? Error) ResolveHalves(CreateLeaveRequest request)
    {
        if (request.HalfDayPeriod is { } period)
        {
            if (request.StartDate != request.EndDate)
                return (null, null, Problems.Field("halfDayPeriod", "halfDayPeriod is only for a one-day leave; use startHalf/endHalf."));
            if (request.StartHalf is not null || request.EndHalf is not null)
                return (null, null, Problems.Field("halfDayPeriod", "Give either halfDayPeriod or startHalf/endHalf, not both."));
            return period == HalfDayPeriod.MORNING ? (null, HalfDayPeriod.MORNING, null) : (HalfDayPeriod.AFTERNOON, null, null);
        }
        if (request.StartDate == request.EndDate && request.StartHalf == HalfDayPeriod.AFTERNOON && request.EndHalf == HalfDayPeriod.MORNING)
        {
            return (null, null, Problems.Field("endHalf", "A one-day leave cannot start in the afternoon and end in the morning."));
        }
        return (request.StartHalf, request.EndHalf, null);
    }
}
