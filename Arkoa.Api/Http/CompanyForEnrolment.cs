using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Http;

/// <summary>
/// The company columns enrolling a member needs (name, annual days, time zone), read without the logo bytes
/// and without tracking, so the company row itself is never written by adding a member.
/// </summary>
public static class CompanyForEnrolment
{
    public static Task<Company> LoadAsync(ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new Company { Id = c.Id, Name = c.Name, AnnualLeaveDays = c.AnnualLeaveDays, TimeZone = c.TimeZone })
            .SingleAsync(cancellationToken);
}
