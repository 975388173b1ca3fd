using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the connection's retry strategy: after a transient
    /// failure the whole unit (reads, locks, checks, writes) runs again from a clean change tracker. Work that
    /// decides to change nothing simply returns before saving; the empty transaction commits harmlessly.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this ArkoaDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            // A failure rolls the whole unit back and retries it, so EF's savepoint around each SaveChanges would
            // only cost two more round trips per write, taken while the member's row is locked.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}
