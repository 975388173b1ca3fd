namespace Arkoa.Core.FrenchLaw;

/// <summary>
/// The paid leave a person acquires in a reference period under the Code du travail (L3141-3, L3141-7): 2.5 jours
/// ouvrables per month worked, or its equivalent 25/12 jours ouvrés, capped at 30 (25). A month partly employed
/// (arrival or departure in it) counts for its share of calendar days; the period's total is rounded up to the next
/// whole day (L3141-7). Absences that do not count as work (and the 2024 sick-leave rules) are not modelled here.
/// </summary>
public static class PaidLeaveAccrual
{
    public const decimal OuvrablesPerMonth = 2.5m;
    public const decimal OuvrablesCap = 30m;
    public const decimal OuvresCap = 25m;

    /// <summary>25 ouvrés a year: 25/12 ≈ 2.0833 a month.</summary>
    public static decimal PerMonth(CountingMode mode) => mode == CountingMode.OUVRABLES ? OuvrablesPerMonth : OuvresCap / 12m;

    public static decimal Cap(CountingMode mode) => mode == CountingMode.OUVRABLES ? OuvrablesCap : OuvresCap;

    /// <param name="employedFrom">First day of the contract, or null when it began before the period.</param>
    /// <param name="employedUntil">Last day of the contract, or null when it goes on past the period.</param>
    public static PaidLeaveAcquired Acquired(CountingMode mode, ReferencePeriod period, DateOnly? employedFrom, DateOnly? employedUntil)
    {
        var from = employedFrom is { } f && f > period.Start ? f : period.Start;
        var until = employedUntil is { } u && u < period.End ? u : period.End;
        var months = new List<MonthAcquired>(12);
        decimal total = 0;
        for (var monthStart = period.Start; monthStart <= period.End; monthStart = monthStart.AddMonths(1))
        {
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            var first = from > monthStart ? from : monthStart;
            var last = until < monthEnd ? until : monthEnd;
            var employedDays = last >= first ? last.DayNumber - first.DayNumber + 1 : 0;
            var share = (decimal)employedDays / (monthEnd.DayNumber - monthStart.DayNumber + 1);
            var days = Math.Round(PerMonth(mode) * share, 4);
            months.Add(new MonthAcquired(monthStart, days));
            total += PerMonth(mode) * share;
        }
        var capped = Math.Min(total, Cap(mode));
        return new PaidLeaveAcquired(months, Math.Ceiling(Math.Round(capped, 6)));
    }
}

/// <summary>What each month of a period brought (unrounded, to 4 decimals) and the period's total, rounded up.</summary>
public sealed record PaidLeaveAcquired(IReadOnlyList<MonthAcquired> Months, decimal Total);

public sealed record MonthAcquired(DateOnly Month, decimal Days);
