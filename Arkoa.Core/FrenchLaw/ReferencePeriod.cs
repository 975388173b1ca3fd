namespace Arkoa.Core.FrenchLaw;

/// <summary>
/// The twelve months in which paid leave is acquired (L3141-10, R3141-4): 1 June – 31 May unless an agreement sets
/// another start, such as the calendar year. Identified by its first day.
/// </summary>
public sealed record ReferencePeriod(DateOnly Start)
{
    public const int DefaultStartMonth = 6;

    public DateOnly End => Start.AddMonths(12).AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The period starting on the first of <paramref name="startMonth"/> that contains <paramref name="date"/>.</summary>
    public static ReferencePeriod Containing(DateOnly date, int startMonth = DefaultStartMonth)
    {
        if (startMonth is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(startMonth), startMonth, "A month is 1 to 12.");
        var year = date.Month >= startMonth ? date.Year : date.Year - 1;
        return new ReferencePeriod(new DateOnly(year, startMonth, 1));
    }
}
