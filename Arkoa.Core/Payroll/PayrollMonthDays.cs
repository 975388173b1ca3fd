using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Payroll;

/// <summary>A member's leave as the payroll reads it: its type, status and extent.</summary>
public sealed record PayrollLeave(LeaveType Type, LeaveStatus Status, DateOnly Start, DateOnly End, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf);

/// <summary>
/// A member's days of leave taken in a payroll month: by type (every type, 0 when none, in <see cref="Types"/> order),
/// the unpaid ones apart, and the total.
/// </summary>
public sealed record PayrollMonthDays(IReadOnlyDictionary<LeaveType, decimal> DaysByType, decimal UnpaidDays, decimal TotalDays)
{
    /// <summary>The stable column order of the export: the order of <see cref="LeaveType"/>, as the API documents it.</summary>
    public static readonly IReadOnlyList<LeaveType> Types = LeaveType.BuiltIn;

    /// <summary>
    /// The types the employer does not pay: unpaid leave (congé sans solde) and unjustified absence. The payroll deducts
    /// them from the salary; every other type is paid by the employer or compensated outside the payslip's deduction.
    /// </summary>
    public static readonly IReadOnlySet<LeaveType> UnpaidTypes = new HashSet<LeaveType> { LeaveType.UNPAID, LeaveType.UNJUSTIFIED };

    /// <summary>
    /// Only APPROVED leaves are taken: a PENDING one may still be refused, a REJECTED or CANCELED one never happened
    /// (deleted leaves are not even read). Each leave counts the working days of the month it holds
    /// (<see cref="LeaveMonthShare"/>).
    /// </summary>
    public static PayrollMonthDays Of(LeaveDayCounter calendar, PayrollMonth month, IEnumerable<PayrollLeave> leaves)
    {
        var days = Types.ToDictionary(type => type, _ => 0m);
        foreach (var leave in leaves)
        {
            if (leave.Status != LeaveStatus.APPROVED) continue;
            // A company's own type has no column of its own: it joins the keys after the built-ins, and the total.
            days[leave.Type] = days.GetValueOrDefault(leave.Type) + LeaveMonthShare.DaysIn(calendar, month.First, leave.Start, leave.End, leave.StartHalf, leave.EndHalf);
        }
        return new PayrollMonthDays(days, days.Where(d => UnpaidTypes.Contains(d.Key)).Sum(d => d.Value), days.Values.Sum());
    }
}
