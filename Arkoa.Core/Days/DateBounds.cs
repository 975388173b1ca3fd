namespace Arkoa.Core.Days;

/// <summary>
/// The dates Arkoa accepts anywhere (issue 13, point 18): from 1900-01-01 to 2199-12-31. Far wider than any leave,
/// holiday or filter needs, and far enough from <see cref="DateOnly.MaxValue"/> that no computation on an accepted
/// date (the day after a leave, a year's holidays) can leave the calendar.
/// </summary>
public static class DateBounds
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2199, 12, 31);

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;
}
