namespace Arkoa.Core.Domain;

public static class CompanyClock
{
    /// <summary>Today's date where the company is (its IANA time zone), not on the server.</summary>
    public static DateOnly Today(Company company, TimeProvider clock)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(company.TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
