using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Leaves;

/// <summary>The leave a request asks for, checked and counted (SPEC §3–4): what create and edit both need.</summary>
public sealed record LeavePlan(
    LeaveType Type, DateOnly Start, DateOnly End, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days, LeaveDayCounter Counter)
{
    public HalfDaySpan Span => new(Start, End, StartHalf, EndHalf);

    /// <summary>Whether another PENDING/APPROVED leave of the member shares a counted half day (call under the member lock).</summary>
    public async Task<bool> OverlapsAsync(ArkoaDbContext db, Guid membershipId, Guid? exceptLeaveId, CancellationToken cancellationToken)
    {
        var (start, end) = (Start, End);
        var neighbours = await db.Leaves.AsNoTracking()
            .Where(l => l.MembershipId == membershipId && l.Id != exceptLeaveId
                && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                && l.StartDate <= end && l.EndDate >= start)
            .ToListAsync(cancellationToken);
        var span = Span;
        return neighbours.Any(l => new HalfDaySpan(l.StartDate, l.EndDate, l.StartHalf, l.EndHalf).Overlaps(span, Counter.IsWorkingDay));
    }
}

public static class LeavePlanner
{
    public const int MaxLengthInDays = 366;

    /// <summary>Checks the request's fields and counts its days, or says which field is wrong.</summary>
    public static async Task<(LeavePlan? Plan, ValidationProblem? Error)> PlanAsync(
        ArkoaDbContext db, Company company, Membership caller, LeaveType type, DateOnly start, DateOnly end,
        HalfDayPeriod? startHalf, HalfDayPeriod? endHalf, HalfDayPeriod? halfDayPeriod, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (halfDayPeriod is { } period)
        {
            // The original's single field: a one-day leave taken in that half (SPEC §3).
            if (start != end) return (null, Problems.Field("halfDayPeriod", "halfDayPeriod is only for a one-day leave; use startHalf/endHalf."));
            if (startHalf is not null || endHalf is not null)
                return (null, Problems.Field("halfDayPeriod", "Give either halfDayPeriod or startHalf/endHalf, not both."));
            (startHalf, endHalf) = period == HalfDayPeriod.MORNING ? ((HalfDayPeriod?)null, (HalfDayPeriod?)HalfDayPeriod.MORNING) : (HalfDayPeriod.AFTERNOON, null);
        }
        if (RangeError(start, end, startHalf, endHalf) is { } rangeError) return (null, rangeError);
        if (start < CompanyClock.Today(company, clock) && !caller.IsManager)
            return (null, Problems.Field("startDate", "Only a manager can record a leave in the past."));

        var (days, counter) = await CountAsync(db, company, start, end, startHalf, endHalf, cancellationToken);
        if (days == 0) return (null, Problems.Field("endDate", "No working day in this range."));
        return (new LeavePlan(type, start, end, startHalf, endHalf, days, counter), null);
    }

    /// <summary>What is wrong with the range itself, whoever asks and whatever the calendar.</summary>
    public static ValidationProblem? RangeError(DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        if (end < start) return Problems.Field("endDate", "The end date must be on or after the start date.");
        if (end.DayNumber - start.DayNumber >= MaxLengthInDays) return Problems.Field("endDate", "A leave cannot be longer than a year.");
        if (start == end && startHalf == HalfDayPeriod.AFTERNOON && endHalf == HalfDayPeriod.MORNING)
            return Problems.Field("endHalf", "A one-day leave cannot start in the afternoon and end in the morning.");
        return null;
    }

    /// <summary>The working days of a checked range under the company's calendar (working days and holidays).</summary>
    public static async Task<(decimal Days, LeaveDayCounter Counter)> CountAsync(ArkoaDbContext db, Company company,
        DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf, CancellationToken cancellationToken)
    {
        var companyHolidays = await db.CompanyHolidays.AsNoTracking()
            .Where(h => h.CompanyId == company.Id && h.Date >= start && h.Date <= end)
            .Select(h => h.Date).ToListAsync(cancellationToken);
        var counter = LeaveDayCounter.For(company, companyHolidays);
        return (counter.Count(start, end, startHalf, endHalf), counter);
    }
}
