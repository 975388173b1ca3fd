namespace Arkoa.Core.Domain;

public static class CompanyClock
{
    /// <summary>Today's date where the company is (its IANA time zone), not on the server.</summary>
    public static DateOnly Today(Company company, TimeProvider clock) => Today(company.TimeZone, clock);

    /// <summary>Today's date in the IANA time zone <paramref name="timeZone"/> (a company's, read without the company).</summary>
    public static DateOnly Today(string timeZone, TimeProvider clock)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
