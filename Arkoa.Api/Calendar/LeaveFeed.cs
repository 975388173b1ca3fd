using Arkoa.Core.Domain;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Arkoa.Api.Calendar;

/// <summary>One approved leave as the iCal feed shows it; <see cref="Type"/> is null when the subscriber may not know it.</summary>
public sealed record FeedLeave(
    Guid Id, Guid MembershipId, string MemberName, LeaveType? Type, DateOnly StartDate, DateOnly EndDate,
    HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days, int Version, DateTime UpdatedAt);

/// <summary>Writes a company's approved leaves as an iCalendar (RFC 5545) document that calendar apps subscribe to.</summary>
public static class LeaveFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string companyName, IEnumerable<FeedLeave> leaves, FeedText text)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Arkoa//Leaves//EN" };
        calendar.AddProperty("X-WR-CALNAME", text.CalendarName(companyName));
        foreach (var leave in leaves)
        {
            var what = text.LeaveType(leave.Type);
            calendar.Events.Add(new CalendarEvent
            {
                // The leave id keeps the event's identity across refreshes; the version tells apps it changed.
                Uid = $"{leave.Id}@arkoa",
                Sequence = leave.Version,
                DtStamp = new CalDateTime(DateTime.SpecifyKind(leave.UpdatedAt, DateTimeKind.Utc), "UTC", true),
                // All-day events: DTEND is the day after the last one (exclusive), whatever the half days.
                DtStart = new CalDateTime(leave.StartDate),
                DtEnd = new CalDateTime(leave.EndDate.AddDays(1)),
                // An all-day event cannot show half days: the summary does.
                Summary = $"{leave.MemberName} – {what}{text.HalfDayNote(leave.StartDate == leave.EndDate, leave.StartHalf, leave.EndHalf)}",
                Description = text.Description(leave.MemberName, what, leave.StartDate, leave.EndDate, leave.Days, leave.StartHalf, leave.EndHalf),
                // Someone else's leave must not make the subscriber look busy.
                Transparency = "TRANSPARENT",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
