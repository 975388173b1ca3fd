using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Companies;

public static class CompanyLock
{
    /// <summary>
    /// Locks one company row until the current transaction ends. Every change to who belongs to a company and
    /// with which role (role, active, removal, invitation, acceptance, deletion) takes it first, so two such
    /// changes are applied one after the other and checks like "one active admin remains" cannot race.
    /// FOR NO KEY UPDATE conflicts with itself but not with the key-share locks of foreign keys, so inserting
    /// leaves, balances or holidays of the company elsewhere is not held up by it.
    /// </summary>
    public static async Task LockCompanyAsync(this ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A company lock is only meaningful inside a transaction.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM companies WHERE id = {companyId} FOR NO KEY UPDATE", cancellationToken);
    }
}
