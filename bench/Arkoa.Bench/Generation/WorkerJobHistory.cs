using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Bench.Generation;

/// <summary>
/// The Worker's job runs a live system would have recorded for a generated company (the names and periods of
/// Arkoa.Worker's YearlyCreditJob, CarryOverExpiryJob and PendingDigestJob): every generated year's change, the
/// carry-over expiries already due, and the pending digests of the last two local days. Without them the Worker's
/// catch-up, a minute after the import, would credit this year a second time (the timelines already hold its
/// credit) and mail each manager a digest in the middle of a measurement.
/// </summary>
public static class WorkerJobHistory
{
    public static IEnumerable<(string Job, string Period, DateTime CreatedAt)> For(Company company, int firstYear, DateTime utcNow)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(company.TimeZone);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));
        for (var year = firstYear; year <= localToday.Year; year++)
        {
            yield return ("yearly-credit", Year(year), Utc(new DateOnly(year, 1, 1)));
            var expiry = CarryOver.ExpiryDate(company, year);
            if (expiry <= localToday) yield return ("carry-over-expiry", Year(year), Utc(expiry));
        }
        foreach (var day in new[] { localToday.AddDays(-1), localToday })
        {
            yield return ("pending-digest", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Utc(day));
        }
    }

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime Utc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
}
