namespace Arkoa.Core.Domain;

/// <summary>
/// A day of the week as it travels on the wire ("MONDAY" … "SUNDAY", upper case like every other Arkoa enum).
/// The database keeps <see cref="DayOfWeek"/>; <see cref="WeekDays"/> converts between the two.
/// </summary>
public enum WeekDay { MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY }

public static class WeekDays
{
    public static DayOfWeek ToDayOfWeek(this WeekDay day) => day == WeekDay.SUNDAY ? DayOfWeek.Sunday : (DayOfWeek)((int)day + 1);

    public static WeekDay ToWeekDay(this DayOfWeek day) => day == DayOfWeek.Sunday ? WeekDay.SUNDAY : (WeekDay)((int)day - 1);

    /// <summary>A set of working days in week order (Monday first), without duplicates.</summary>
    public static DayOfWeek[] ToWorkingDays(IEnumerable<WeekDay> days) =>
        [.. days.Distinct().Order().Select(ToDayOfWeek)];

    public static IReadOnlyList<WeekDay> FromWorkingDays(IEnumerable<DayOfWeek> days) =>
        [.. days.Select(ToWeekDay).Distinct().Order()];
}
