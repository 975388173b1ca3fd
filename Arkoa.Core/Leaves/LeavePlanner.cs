using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Leaves;

/// <summary>Checks a requested extent and counts its days (SPEC §3–4), or says which field is wrong.</summary>
public static class LeavePlanner
{
    public const int MaxLengthInDays = 366;

    /// <summary>The plan of a request by <paramref name="actor"/>, counted under the company's calendar.</summary>
    public static async Task<(LeavePlan? Plan, DomainError? Error)> PlanAsync(
        ArkoaDbContext db, Company company, LeaveActor actor, LeaveType type, DateOnly start, DateOnly end,
        HalfDayPeriod? startHalf, HalfDayPeriod? endHalf, HalfDayPeriod? halfDayPeriod, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var definition = (await CompanyLeaveTypes.LoadAsync(db, company.Id, cancellationToken)).Find(type);
        var (halves, error) = Check(actor, CompanyClock.Today(company, clock), start, end, startHalf, endHalf, halfDayPeriod,
            definition?.AllowedInPast == true);
        error ??= LeaveTypeRules.RequestError(type, definition, halves.Start, halves.End);
        if (error is not null) return (null, error);
        var counter = await CounterAsync(db, company, start, end, cancellationToken);
        var (plan, countError) = Count(counter, definition!, start, end, halves.Start, halves.End);
        return countError is null && LeaveTypeRules.LengthError(definition!, plan!.Days) is { } tooLong ? (null, tooLong) : (plan, countError);
    }

    /// <summary>
    /// The request's own rules, before any calendar: the original's single <c>halfDayPeriod</c> (a one-day leave taken in
    /// that half), the range, and the backfill rule (only a manager records a leave starting before the company's today,
    /// unless the type is <paramref name="allowedInPast"/>).
    /// </summary>
    public static ((HalfDayPeriod? Start, HalfDayPeriod? End) Halves, DomainError? Error) Check(
        LeaveActor actor, DateOnly today, DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf, HalfDayPeriod? halfDayPeriod,
        bool allowedInPast = false)
    {
        if (halfDayPeriod is { } period)
        {
            if (start != end) return (default, LeaveErrors.HalfDayPeriodOnOneDayOnly);
            if (startHalf is not null || endHalf is not null) return (default, LeaveErrors.HalfDayPeriodWithHalves);
            (startHalf, endHalf) = period == HalfDayPeriod.MORNING ? ((HalfDayPeriod?)null, (HalfDayPeriod?)HalfDayPeriod.MORNING) : (HalfDayPeriod.AFTERNOON, null);
        }
        if (RangeError(start, end, startHalf, endHalf) is { } rangeError) return (default, rangeError);
        if (start < today && !actor.IsManager && !allowedInPast) return (default, LeaveErrors.BackfillNeedsManager);
        return ((startHalf, endHalf), null);
    }

    /// <summary>The plan of a checked request under <paramref name="counter"/>'s calendar; a range counting no day is refused.</summary>
    public static (LeavePlan? Plan, DomainError? Error) Count(
        LeaveDayCounter counter, LeaveTypeDefinition type, DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        var days = counter.Count(start, end, startHalf, endHalf);
        return days == 0 ? (null, LeaveErrors.NoWorkingDay) : (new LeavePlan(type, start, end, startHalf, endHalf, days, counter), null);
    }

    /// <summary>The plan of a built-in type with the facts every company starts with (what tests of the lifecycle count with).</summary>
    public static (LeavePlan? Plan, DomainError? Error) Count(
        LeaveDayCounter counter, LeaveType builtIn, DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf) =>
        Count(counter, BuiltInLeaveTypes.Default(Guid.Empty, builtIn) ?? throw new ArgumentException($"{builtIn} is not built in.", nameof(builtIn)),
            start, end, startHalf, endHalf);

    /// <summary>What is wrong with the range itself, whoever asks and whatever the calendar.</summary>
    public static DomainError? RangeError(DateOnly start, DateOnly end, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        if (end < start) return LeaveErrors.EndBeforeStart;
        if (end.DayNumber - start.DayNumber >= MaxLengthInDays) return LeaveErrors.TooLong(MaxLengthInDays);
        if (start == end && startHalf == HalfDayPeriod.AFTERNOON && endHalf == HalfDayPeriod.MORNING) return LeaveErrors.InvertedHalves;
        return null;
    }

    /// <summary>The company's calendar (working days, public and company holidays) over a checked range.</summary>
    public static async Task<LeaveDayCounter> CounterAsync(ArkoaDbContext db, Company company, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var companyHolidays = await db.CompanyHolidays.AsNoTracking()
            .Where(h => h.CompanyId == company.Id && h.Date >= start && h.Date <= end)
            .Select(h => h.Date).ToListAsync(cancellationToken);
        return LeaveDayCounter.For(company, companyHolidays);
    }
}
