using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Balances;

public static class MemberLock
{
    /// <summary>
    /// Locks one membership row until the current transaction ends. Every write to a member's leaves
    /// or balances takes this lock first, which serialises them: no overdraft, no double-booked day.
    /// </summary>
    public static async Task LockMemberAsync(this ArkoaDbContext db, Guid membershipId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A member lock is only meaningful inside a transaction.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM memberships WHERE id = {membershipId} FOR UPDATE", cancellationToken);
    }
}
