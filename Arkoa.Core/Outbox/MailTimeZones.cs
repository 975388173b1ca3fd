using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Outbox;

/// <summary>
/// The time zone a mail writes its instants in. A person has none of their own: it is their company's, the one they
/// opened last, else any of theirs, else the zone a new company starts with (a payload queued before mails carried a
/// zone falls back to it too).
/// </summary>
public static class MailTimeZones
{
    public const string Default = "Europe/Paris";

    /// <summary>One query; an account without a company gets <see cref="Default"/>.</summary>
    public static async Task<string> OfUserAsync(ArkoaDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderByDescending(m => m.User!.ActiveMembershipId == m.Id).ThenByDescending(m => m.Active).ThenBy(m => m.CreatedAt)
            .Select(m => m.Company!.TimeZone)
            .FirstOrDefaultAsync(cancellationToken)
        ?? Default;
}
