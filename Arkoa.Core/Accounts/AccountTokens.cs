using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Accounts;

/// <summary>Issues the single-use links mailed about an account: the database keeps the hash, the mail the raw token.</summary>
public static class AccountTokens
{
    /// <summary>Adds the token to the unit of work (the caller saves) and returns the raw value for the mail.</summary>
    public static string Issue(
        ArkoaDbContext db, Guid userId, UserTokenPurpose purpose, TimeSpan lifetime, DateTime now, string? email = null)
    {
        var token = SecureToken.Create();
        db.UserTokens.Add(new UserToken
        {
            UserId = userId,
            Purpose = purpose,
            TokenHash = SecureToken.Hash(token),
            ExpiresAt = now + lifetime,
            Email = email,
            CreatedAt = now,
        });
        return token;
    }

    /// <summary>
    /// Uses up the link <paramref name="rawToken"/> of <paramref name="purpose"/> and returns it with its user, or null
    /// when it is unknown, used or expired. Claiming is one conditional UPDATE, so of two requests racing with the same
    /// link one wins. Call it in the transaction that acts on the link, so a failure gives the link back.
    /// </summary>
    public static async Task<UserToken?> ClaimAsync(
        ArkoaDbContext db, string rawToken, UserTokenPurpose purpose, DateTime now, CancellationToken cancellationToken)
    {
        var hash = SecureToken.Hash(rawToken);
        var token = await db.UserTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        if (token?.User is null) return null;
        var claimed = await db.UserTokens.Where(t => t.Id == token.Id && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), cancellationToken);
        return claimed == 1 ? token : null;
    }
}
