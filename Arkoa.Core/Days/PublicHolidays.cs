namespace Arkoa.Core.Days;

/// <summary>Public holidays by country, computed for any year (never a hard-coded list of dates).</summary>
public static class PublicHolidays
{
    /// <summary>Countries whose calendar we compute; a company's holidayCountry must be one of them.</summary>
    public static readonly IReadOnlySet<string> SupportedCountries = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "FR" };

    public static IReadOnlyList<(DateOnly Date, string Name)> For(string country, int year) =>
        country.ToUpperInvariant() switch
        {
            "FR" => France(year),
            _ => throw new ArgumentOutOfRangeException(nameof(country), country, "No public holiday calendar for this country."),
        };

    /// <summary>The eleven French public holidays (metropolitan France).</summary>
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
            (easter.AddDays(50), "Lundi de Pentecôte"),
            (new DateOnly(year, 7, 14), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 11, 11), "Armistice 1918"),
            (new DateOnly(year, 12, 25), "Noël"),
        ];
    }

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
