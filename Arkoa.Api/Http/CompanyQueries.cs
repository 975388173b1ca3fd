using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Http;

public static class CompanyQueries
{
    /// <summary>
    /// The company's name, time zone, holiday country and working days, without its logo
    /// (up to 512 KiB that read-only views never need).
    /// </summary>
    public static Task<Company?> CompanySettingsAsync(this ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new Company
            {
                Id = c.Id, Name = c.Name, TimeZone = c.TimeZone, HolidayCountry = c.HolidayCountry, SolidarityDayWorked = c.SolidarityDayWorked, WorkingDays = c.WorkingDays,
            })
            .SingleOrDefaultAsync(cancellationToken);
}
