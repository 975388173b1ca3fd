using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Payroll;

namespace Arkoa.Tests.Unit;

/// <summary>
/// The payroll export's days (issue 18) against months counted by hand on a calendar: each leave's working days in
/// the month it holds them, under the company's calendar, only for APPROVED leaves.
/// </summary>
public sealed class PayrollMonthDaysTests
{
    private static readonly HashSet<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly LeaveDayCounter France = new(MondayToFriday, "FR", []);

    private static PayrollLeave Approved(LeaveType type, string start, string end, HalfDayPeriod? startHalf = null, HalfDayPeriod? endHalf = null) =>
        new(type, LeaveStatus.APPROVED, DateOnly.Parse(start), DateOnly.Parse(end), startHalf, endHalf);

    private static PayrollMonthDays Month(int year, int month, params PayrollLeave[] leaves) =>
        PayrollMonthDays.Of(France, new PayrollMonth(year, month), leaves);

    [Fact]
    public void A_leave_across_a_month_end_is_split_by_the_working_days_each_month_holds()
    {
        // Friday 26 March to Tuesday 6 April 2027. March: Fri 26, Tue 30, Wed 31 (Mon 29 is Easter Monday) = 3.
        // April: Thu 1, Fri 2, Mon 5, Tue 6 = 4. The leave's own count is 7.
        var leave = Approved(LeaveType.PAID, "2027-03-26", "2027-04-06");

        Assert.Equal(3m, Month(2027, 3, leave).DaysByType[LeaveType.PAID]);
        Assert.Equal(4m, Month(2027, 4, leave).DaysByType[LeaveType.PAID]);
        Assert.Equal(7m, France.Count(leave.Start, leave.End, null, null));
    }

    [Fact]
    public void Half_days_at_both_ends_stay_on_their_month_and_1_May_is_not_counted()
    {
        // Wednesday 29 April (afternoon) to Tuesday 5 May 2026 (morning). April: Wed 29 half, Thu 30 = 1.5.
        // May: Fri 1 is Labour Day, Mon 4, Tue 5 half = 1.5.
        var leave = Approved(LeaveType.RTT, "2026-04-29", "2026-05-05", HalfDayPeriod.AFTERNOON, HalfDayPeriod.MORNING);

        Assert.Equal(1.5m, Month(2026, 4, leave).DaysByType[LeaveType.RTT]);
        Assert.Equal(1.5m, Month(2026, 5, leave).DaysByType[LeaveType.RTT]);
        Assert.Equal(0m, Month(2026, 6, leave).TotalDays);
    }

    [Fact]
    public void A_weekend_inside_the_leave_is_not_counted()
    {
        // Friday 5 to Monday 8 February 2027: Friday and Monday.
        Assert.Equal(2m, Month(2027, 2, Approved(LeaveType.PAID, "2027-02-05", "2027-02-08")).DaysByType[LeaveType.PAID]);
    }

    [Fact]
    public void Only_the_part_of_a_leave_in_the_month_counts_not_the_part_in_the_month_before()
    {
        // Wednesday 27 January to Wednesday 3 February 2027: 27, 28, 29 January are January's; 1, 2, 3 February are February's.
        var days = Month(2027, 2, Approved(LeaveType.SICK, "2027-01-27", "2027-02-03"));

        Assert.Equal(3m, days.DaysByType[LeaveType.SICK]);
        Assert.Equal(3m, days.TotalDays);
    }

    [Fact]
    public void Unpaid_days_are_apart_and_in_the_total_with_every_type_listed()
    {
        var days = Month(2027, 2,
            Approved(LeaveType.UNPAID, "2027-02-01", "2027-02-02"),                           // Mon–Tue: 2
            Approved(LeaveType.UNJUSTIFIED, "2027-02-03", "2027-02-03", endHalf: HalfDayPeriod.MORNING), // 0.5
            Approved(LeaveType.PAID, "2027-02-10", "2027-02-12"));                            // Wed–Fri: 3

        Assert.Equal(2.5m, days.UnpaidDays);
        Assert.Equal(5.5m, days.TotalDays);
        Assert.Equal(LeaveType.BuiltIn, days.DaysByType.Keys);
        Assert.Equal(0m, days.DaysByType[LeaveType.MATERNITY]);
    }

    [Fact]
    public void A_company_s_own_type_counts_in_the_total_after_the_built_ins()
    {
        var remote = new LeaveType("REMOTE_EXTRA");

        var days = Month(2027, 2, Approved(remote, "2027-02-01", "2027-02-02"), Approved(LeaveType.PAID, "2027-02-10", "2027-02-10"));

        Assert.Equal(3m, days.TotalDays);
        Assert.Equal(2m, days.DaysByType[remote]);
        Assert.Equal([.. LeaveType.BuiltIn, remote], days.DaysByType.Keys);
        Assert.Equal(0m, days.UnpaidDays);
    }

    [Fact]
    public void Only_approved_leaves_are_taken_pending_rejected_and_canceled_are_not()
    {
        var days = PayrollMonthDays.Of(France, new PayrollMonth(2027, 2),
        [
            new PayrollLeave(LeaveType.PAID, LeaveStatus.PENDING, new(2027, 2, 1), new(2027, 2, 1), null, null),
            new PayrollLeave(LeaveType.PAID, LeaveStatus.REJECTED, new(2027, 2, 2), new(2027, 2, 2), null, null),
            new PayrollLeave(LeaveType.PAID, LeaveStatus.CANCELED, new(2027, 2, 3), new(2027, 2, 3), null, null),
            Approved(LeaveType.PAID, "2027-02-04", "2027-02-04"),
        ]);

        Assert.Equal(1m, days.TotalDays);
    }

    [Fact]
    public void Company_closures_are_not_counted_and_a_worked_solidarity_day_is()
    {
        // Monday 17 to Friday 21 May 2027: Whit Monday the 17th, the company closed on Friday the 21st.
        var leave = Approved(LeaveType.PAID, "2027-05-17", "2027-05-21");
        var closedFriday = new LeaveDayCounter(MondayToFriday, "FR", [new DateOnly(2027, 5, 21)]);
        var solidarity = new LeaveDayCounter(MondayToFriday, "FR", [new DateOnly(2027, 5, 21)], solidarityDayWorked: true);

        Assert.Equal(3m, PayrollMonthDays.Of(closedFriday, new PayrollMonth(2027, 5), [leave]).TotalDays);
        Assert.Equal(4m, PayrollMonthDays.Of(solidarity, new PayrollMonth(2027, 5), [leave]).TotalDays);
    }

    [Theory]
    [InlineData("2027-03", 2027, 3)]
    [InlineData("1900-01", 1900, 1)]
    [InlineData("2100-12", 2100, 12)]
    public void A_month_is_read_as_YYYY_MM(string text, int year, int month)
    {
        Assert.Equal(PayrollMonth.ParseFailure.None, PayrollMonth.TryParse(text, out var parsed));
        Assert.Equal(new DateOnly(year, month, 1), parsed.First);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData(null, PayrollMonth.ParseFailure.Missing)]
    [InlineData("", PayrollMonth.ParseFailure.Missing)]
    [InlineData("2027-3", PayrollMonth.ParseFailure.Malformed)]
    [InlineData("2027-13", PayrollMonth.ParseFailure.Malformed)]
    [InlineData("2027-03-01", PayrollMonth.ParseFailure.Malformed)]
    [InlineData(" 2027-03", PayrollMonth.ParseFailure.Malformed)]
    [InlineData("03/2027", PayrollMonth.ParseFailure.Malformed)]
    [InlineData("1899-12", PayrollMonth.ParseFailure.OutOfRange)]
    [InlineData("2101-01", PayrollMonth.ParseFailure.OutOfRange)]
    public void A_month_that_is_not_YYYY_MM_of_1900_to_2100_is_refused(string? text, PayrollMonth.ParseFailure failure) =>
        Assert.Equal(failure, PayrollMonth.TryParse(text, out _));

    [Theory]
    // Paris is on summer time (UTC+2) from 28 March 2027: the month ends at 22:00 UTC on 31 March.
    [InlineData("Europe/Paris", 2027, 3, "2027-03-31T22:00:00Z")]
    [InlineData("Europe/Paris", 2027, 1, "2027-01-31T23:00:00Z")]
    [InlineData("Indian/Reunion", 2027, 3, "2027-03-31T20:00:00Z")]
    [InlineData("UTC", 2027, 12, "2028-01-01T00:00:00Z")]
    public void The_ledger_closes_at_midnight_starting_the_next_month_in_the_company_s_time_zone(string zone, int year, int month, string expected)
    {
        var closes = new PayrollMonth(year, month).LedgerClosesAtUtc(zone);

        Assert.Equal(DateTimeKind.Utc, closes.Kind);
        Assert.Equal(expected, closes.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
    }
}
