using Arkoa.Core.Domain;

namespace Arkoa.Core.Balances;

/// <summary>The company's carry-over policy as dates.</summary>
public static class CarryOver
{
    /// <summary>
    /// The date in <paramref name="year"/> on which days carried over into that year expire ("MM-DD" of the company;
    /// 02-29 becomes 02-28 in other years). Carried days can be used on the days before it.
    /// </summary>
    public static DateOnly ExpiryDate(Company company, int year)
    {
        var parts = company.CarryOverExpiresOn.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var month) || !int.TryParse(parts[1], out var day)
            || month is < 1 or > 12 || day < 1)
        {
            throw new InvalidOperationException($"Company {company.Id} has an invalid carryOverExpiresOn '{company.CarryOverExpiresOn}'.");
        }
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }
}
