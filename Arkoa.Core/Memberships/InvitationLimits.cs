using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Limits;
using Arkoa.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Memberships;

/// <summary>
/// How many invitation mails may go out, so Arkoa cannot be used to flood a mailbox or to spam from a company: per
/// company and per recipient (whichever companies invite them), each in any 24 hours. The sends are rows in Postgres,
/// so the limits hold across Api replicas.
/// </summary>
public static class InvitationLimits
{
    public static readonly SlidingLimit PerCompany = new(50, TimeSpan.FromDays(1));
    public static readonly SlidingLimit PerRecipient = new(3, TimeSpan.FromDays(1));

    /// <summary>
    /// Records one more invitation mail from <paramref name="companyId"/> to <paramref name="normalizedEmail"/>, or
    /// says which limit it would break and when to retry. Call it under the company's lock (CompanyLock), which
    /// serialises a company's sends; a recipient's sends from several companies are serialised here by a transaction
    /// lock on the recipient, always taken after the company's, so two invitations cannot deadlock.
    /// </summary>
    public static async Task<InvitationLimitHit?> TryRecordAsync(
        this ArkoaDbContext db, Guid companyId, string normalizedEmail, DateTime now, CancellationToken cancellationToken)
    {
        var recipient = SecureToken.Hash(normalizedEmail);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({recipient}, 0))", cancellationToken);
        // Sends older than the window count for nothing: the recipient's are dropped here, under its lock.
        await db.InvitationSends.Where(s => s.RecipientHash == recipient && s.CreatedAt <= PerRecipient.Since(now))
            .ExecuteDeleteAsync(cancellationToken);

        var byCompany = await db.InvitationSends.Where(s => s.CompanyId == companyId && s.CreatedAt > PerCompany.Since(now))
            .Select(s => s.CreatedAt).ToListAsync(cancellationToken);
        if (PerCompany.RetryAfter(byCompany, now) is { } companyWait) return new InvitationLimitHit(InvitationLimit.Company, companyWait);
        var byRecipient = await db.InvitationSends.Where(s => s.RecipientHash == recipient && s.CreatedAt > PerRecipient.Since(now))
            .Select(s => s.CreatedAt).ToListAsync(cancellationToken);
        if (PerRecipient.RetryAfter(byRecipient, now) is { } recipientWait) return new InvitationLimitHit(InvitationLimit.Recipient, recipientWait);

        db.InvitationSends.Add(new InvitationSend { CompanyId = companyId, RecipientHash = recipient, CreatedAt = now });
        return null;
    }
}

public enum InvitationLimit { Company, Recipient }

/// <summary>The limit an invitation would break, and how long until it may be sent.</summary>
public sealed record InvitationLimitHit(InvitationLimit Limit, TimeSpan RetryAfter);
