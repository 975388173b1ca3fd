using System.Globalization;
using Arkoa.Core.Domain;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Arkoa.Api.Calendar;

/// <summary>One approved leave as the iCal feed shows it.</summary>
public sealed record FeedLeave(
    Guid Id, string MemberName, LeaveType Type, DateOnly StartDate, DateOnly EndDate,
    HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days, int Version, DateTime UpdatedAt);

/// <summary>Writes a company's approved leaves as an iCalendar (RFC 5545) document that calendar apps subscribe to.</summary>
public static class LeaveFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string companyName, IEnumerable<FeedLeave> leaves)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Arkoa//Leaves//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"{companyName} – leaves");
        foreach (var leave in leaves)
        {
            calendar.Events.Add(new CalendarEvent
            {
                // The leave id keeps the event's identity across refreshes; the version tells apps it changed.
                Uid = $"{leave.Id}@arkoa",
                Sequence = leave.Version,
                DtStamp = new CalDateTime(DateTime.SpecifyKind(leave.UpdatedAt, DateTimeKind.Utc), "UTC", true),
                // All-day events: DTEND is the day after the last one (exclusive), whatever the half days.
                DtStart = new CalDateTime(leave.StartDate),
                DtEnd = new CalDateTime(leave.EndDate.AddDays(1)),
                Summary = $"{leave.MemberName} – {leave.Type}{HalfDayNote(leave)}",
                Description = Description(leave),
                // Someone else's leave must not make the subscriber look busy.
                Transparency = "TRANSPARENT",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>" (morning)", " (from the afternoon)", …: an all-day event cannot show half days, the summary does.</summary>
    private static string HalfDayNote(FeedLeave leave)
    {
        var afternoonStart = leave.StartHalf == HalfDayPeriod.AFTERNOON;
        var morningEnd = leave.EndHalf == HalfDayPeriod.MORNING;
        if (leave.StartDate == leave.EndDate)
        {
            return afternoonStart ? " (afternoon)" : morningEnd ? " (morning)" : "";
        }
        return (afternoonStart, morningEnd) switch
        {
            (true, true) => " (from the afternoon, until the morning)",
            (true, false) => " (from the afternoon)",
            (false, true) => " (until the morning)",
            _ => "",
        };
    }

    private static string Description(FeedLeave leave)
    {
        var days = leave.Days == 1 ? "1 day" : $"{leave.Days.ToString("0.#", CultureInfo.InvariantCulture)} days";
        var text = $"{leave.Type} leave of {leave.MemberName}, {leave.StartDate:yyyy-MM-dd} to {leave.EndDate:yyyy-MM-dd}: {days}.";
        if (leave.StartHalf == HalfDayPeriod.AFTERNOON) text += $" Starts in the afternoon of {leave.StartDate:yyyy-MM-dd}.";
        if (leave.EndHalf == HalfDayPeriod.MORNING) text += $" Ends at noon on {leave.EndDate:yyyy-MM-dd}.";
        return text;
    }
}
