using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Accounts;

public static class UserLock
{
    /// <summary>
    /// Locks one user row until the current transaction ends, so the links mailed to an account are counted and issued
    /// one request at a time (two Api replicas cannot both send the last one a limit allows).
    /// </summary>
    public static async Task LockUserAsync(this ArkoaDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A user lock is only meaningful inside a transaction.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE id = {userId} FOR UPDATE", cancellationToken);
    }
}
