namespace Arkoa.Core.Days;

/// <summary>
/// Public holidays by region (<see cref="HolidayRegion"/>), computed for any year (never a hard-coded list of dates);
/// the legal basis of each list is in docs/french-leave-rules.md.
/// </summary>
public static class PublicHolidays
{
    public const string WhitMondayName = "Lundi de Pentecôte";

    /// <summary>Region codes whose calendar we compute; a company's holidayCountry must be one of them.</summary>
    public static readonly IReadOnlySet<string> SupportedCountries =
        new HashSet<string>(HolidayRegion.All.Select(r => r.Code), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The region's holidays of the year. With <paramref name="solidarityDayWorked"/>, Whit Monday is left out: the
    /// company made it its journée de solidarité (L3133-7 ff.), a working day.
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> For(string region, int year, bool solidarityDayWorked = false)
    {
        var holidays = HolidayRegion.Find(region)?.Code switch
        {
            HolidayRegion.France => France(year),
            HolidayRegion.AlsaceMoselle => [.. France(year), .. AlsaceMoselleExtras(year)],
            HolidayRegion.Guadeloupe => [.. France(year), AbolitionOfSlavery(year, 5, 27)],
            HolidayRegion.Martinique => [.. France(year), AbolitionOfSlavery(year, 5, 22)],
            HolidayRegion.Guyane => [.. France(year), AbolitionOfSlavery(year, 6, 10)],
            HolidayRegion.Reunion => [.. France(year), AbolitionOfSlavery(year, 12, 20)],
            HolidayRegion.Mayotte => [.. France(year), AbolitionOfSlavery(year, 4, 27)],
            _ => throw new ArgumentOutOfRangeException(nameof(region), region, "No public holiday calendar for this region."),
        };
        IEnumerable<(DateOnly Date, string Name)> kept = solidarityDayWorked ? holidays.Where(h => h.Name != WhitMondayName) : holidays;
        return [.. kept.OrderBy(h => h.Date)];
    }

    /// <summary>The eleven French public holidays (L3133-1; metropolitan France).</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> France(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            (new DateOnly(year, 1, 1), "Jour de l'an"),
            (easter.AddDays(1), "Lundi de Pâques"),
            (new DateOnly(year, 5, 1), "Fête du Travail"),
            (new DateOnly(year, 5, 8), "Victoire 1945"),
            (easter.AddDays(39), "Ascension"),
            (easter.AddDays(50), WhitMondayName),
            (new DateOnly(year, 7, 14), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 11, 11), "Armistice 1918"),
            (new DateOnly(year, 12, 25), "Noël"),
        ];
    }

    // L3134-13: Good Friday and 26 December in Moselle, Bas-Rhin and Haut-Rhin.
    private static IEnumerable<(DateOnly Date, string Name)> AlsaceMoselleExtras(int year) =>
        [(EasterSunday(year).AddDays(-2), "Vendredi saint"), (new DateOnly(year, 12, 26), "Saint-Étienne")];

    // Loi n° 83-550 (L3422-2) and décret n° 83-1003: each overseas department's own date.
    private static (DateOnly Date, string Name) AbolitionOfSlavery(int year, int month, int day) =>
        (new DateOnly(year, month, day), "Abolition de l'esclavage");

    /// <summary>Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
