namespace Arkoa.Core.FrenchLaw;

/// <summary>
/// Extra days for a split main leave (L3141-23, à défaut d'accord): when days of the main leave — the first 24 jours
/// ouvrables (20 ouvrés) of the period's paid leave, the fifth week excluded — are taken outside 1 May – 31 October,
/// 3 to 5 such days give 1 extra day and 6 or more give 2. In jours ouvrés the thresholds are the same weeks: 3 to 4
/// days give 1, 5 or more give 2. An agreement or the person's individual waiver (<c>waived</c>) removes them.
/// </summary>
public static class Fractionnement
{
    public const decimal MainLeaveOuvrables = 24m;
    public const decimal MainLeaveOuvres = 20m;

    public static decimal MainLeave(CountingMode mode) => mode == CountingMode.OUVRABLES ? MainLeaveOuvrables : MainLeaveOuvres;

    /// <param name="takenDays">Each counted day of paid leave taken on the period's entitlement (1 or 0.5), any order.</param>
    public static FractionnementResult ExtraDays(CountingMode mode, IEnumerable<(DateOnly Date, decimal Days)> takenDays, bool waived)
    {
        // The main leave is what is taken first; what comes after the 24th (20th) day is the fifth week.
        var mainLeft = MainLeave(mode);
        decimal outside = 0;
        foreach (var (date, days) in takenDays.OrderBy(d => d.Date))
        {
            if (mainLeft <= 0) break;
            var main = Math.Min(days, mainLeft);
            mainLeft -= main;
            if (!InSummerWindow(date)) outside += main;
        }
        var extra = waived ? 0 : ExtraFor(mode, outside);
        return new FractionnementResult(outside, extra);
    }

    /// <summary>1 May to 31 October, the legal period for the main leave (L3141-13).</summary>
    public static bool InSummerWindow(DateOnly date) => date.Month is >= 5 and <= 10;

    private static int ExtraFor(CountingMode mode, decimal mainDaysOutside)
    {
        var twoFrom = mode == CountingMode.OUVRABLES ? 6m : 5m;
        if (mainDaysOutside >= twoFrom) return 2;
        return mainDaysOutside >= 3m ? 1 : 0;
    }
}

/// <summary>The main leave's days taken outside 1 May – 31 October and the extra days they give.</summary>
public sealed record FractionnementResult(decimal MainDaysOutsideWindow, int ExtraDays);
