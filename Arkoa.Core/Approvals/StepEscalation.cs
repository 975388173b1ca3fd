using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>
/// When a step of an approval chain has waited too long (SPEC §11 escalation): the company's limit counts whole working
/// days of its calendar (weekends, public and company holidays do not count), those after the day the request reached
/// the step and before today. Submitted on a Monday with a limit of 3, a step is due on Friday (Tuesday to Thursday waited).
/// </summary>
public static class StepEscalation
{
    /// <summary>
    /// When <paramref name="leave"/>'s current step started waiting: its round's start (submission or last edit), or the
    /// latest decision or escalation that moved it on since. Needs the leave's SUBMITTED/EDITED history, its decisions and
    /// escalations loaded.
    /// </summary>
    public static DateTime StepReachedAt(Leave leave)
    {
        var step = leave.ApprovalStep ?? 0;
        var roundStart = leave.StatusHistory.Where(c => c.Transition is LeaveTransition.SUBMITTED or LeaveTransition.EDITED)
            .Select(c => c.CreatedAt).DefaultIfEmpty(leave.CreatedAt).Max();
        var movedOn = leave.StepDecisions.Where(d => d.Round == leave.ApprovalRound && d.Step < step).Select(d => d.CreatedAt)
            .Concat(leave.Escalations.Where(e => e.Round == leave.ApprovalRound && e.Step < step).Select(e => e.CreatedAt));
        return movedOn.Append(roundStart).Max();
    }

    /// <summary>
    /// Whether <paramref name="leave"/>, a PENDING chained request, is to be escalated on the company's
    /// <paramref name="today"/>: its current step, not escalated yet, has waited the company's limit.
    /// </summary>
    public static bool IsDue(Leave leave, Company company, DateOnly today, LeaveDayCounter calendar)
    {
        if (leave.Status != LeaveStatus.PENDING || leave.ApprovalStep is not { } step) return false;
        if (leave.Escalations.Any(e => e.Round == leave.ApprovalRound && e.Step == step)) return false;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(company.TimeZone);
        var reachedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(StepReachedAt(leave), zone));
        return IsDue(reachedOn, today, company.EscalateAfterWorkingDays, calendar);
    }

    /// <summary>
    /// Whether a step reached on <paramref name="reachedOn"/> (the company's date) is due on <paramref name="today"/>:
    /// it has waited <paramref name="afterWorkingDays"/> whole working days. Never when the limit is 0 (not set).
    /// </summary>
    public static bool IsDue(DateOnly reachedOn, DateOnly today, int afterWorkingDays, LeaveDayCounter calendar)
    {
        if (afterWorkingDays <= 0) return false;
        var waited = 0;
        // By day number, stopping at the limit: a step waiting for years reads a few weeks of the calendar at most.
        for (var day = reachedOn.DayNumber + 1; day < today.DayNumber; day++)
        {
            if (calendar.IsWorkingDay(DateOnly.FromDayNumber(day)) && ++waited >= afterWorkingDays) return true;
        }
        return false;
    }
}
