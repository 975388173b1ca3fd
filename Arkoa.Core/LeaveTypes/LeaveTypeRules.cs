using Arkoa.Core.Domain;

namespace Arkoa.Core.LeaveTypes;

/// <summary>What a company's type allows of a request (issue 17): the rules that used to be facts of the code.</summary>
public static class LeaveTypeRules
{
    /// <summary>
    /// Why no new leave may take <paramref name="code"/>, given the company's row for it (null: it has none), or why its
    /// effective halves (after the original's single <c>halfDayPeriod</c> is read) do not fit the type's unit; null when fine.
    /// </summary>
    public static DomainError? RequestError(LeaveType code, LeaveTypeDefinition? type, HalfDayPeriod? startHalf, HalfDayPeriod? endHalf)
    {
        if (type is null) return LeaveTypeErrors.Unknown(code);
        if (type.IsArchived) return LeaveTypeErrors.Archived(code);
        if (type.Unit == LeaveTypeUnit.HOUR) return LeaveTypeErrors.InHours(code);
        if (type.Unit == LeaveTypeUnit.DAY)
        {
            // Only these halves take half a day; a morning start or an afternoon end changes nothing.
            if (startHalf == HalfDayPeriod.AFTERNOON) return LeaveTypeErrors.WholeDays(code, "startHalf");
            if (endHalf == HalfDayPeriod.MORNING) return LeaveTypeErrors.WholeDays(code, "endHalf");
        }
        return null;
    }

    /// <summary>Why <paramref name="days"/> counted days are more than one leave of the type may take; null when they fit.</summary>
    public static DomainError? LengthError(LeaveTypeDefinition type, decimal days) =>
        type.MaxConsecutiveDays is { } max && days > max ? LeaveTypeErrors.TooLong(type.Code, max) : null;
}
