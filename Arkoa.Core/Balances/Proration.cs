namespace Arkoa.Core.Balances;

public static class Proration
{
    /// <summary>
    /// The PAID days a member joining on <paramref name="joinedOn"/> gets for the rest of that year:
    /// annualLeaveDays × remaining months (the joining month included) / 12, rounded to the half day.
    /// </summary>
    public static decimal InitialPaidDays(int annualLeaveDays, DateOnly joinedOn)
    {
        var remainingMonths = 12 - joinedOn.Month + 1;
        return RoundToHalfDay(annualLeaveDays * remainingMonths / 12m);
    }

    public static decimal RoundToHalfDay(decimal days) => Math.Round(days * 2, MidpointRounding.AwayFromZero) / 2;
}
