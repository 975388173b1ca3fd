using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Accounts;

/// <summary>
/// Who holds an e-mail address: the account that uses it, or else the account an e-mail change undo link keeps it for
/// (for the link's 7 days nobody else may take the address, so the link can always give it back).
/// </summary>
public static class AddressOwners
{
    /// <summary>
    /// The holder of <paramref name="normalizedEmail"/>, or null when the address is free. One query whether or not
    /// it is held, so the callers (sign-up, e-mail change) do the same work either way. An erased account (no
    /// password, a reserved .invalid address) holds nothing worth a mail.
    /// </summary>
    public static Task<AddressOwner?> FindAsync(ArkoaDbContext db, string normalizedEmail, DateTime now, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Email == normalizedEmail && u.PasswordHash != "")
            .Select(u => new { u.Id, u.Name, u.Language, Rank = 0 })
            .Concat(db.UserTokens
                .Where(t => t.Email == normalizedEmail && t.Purpose == UserTokenPurpose.UNDO_EMAIL_CHANGE && t.UsedAt == null && t.ExpiresAt > now)
                .Select(t => new { Id = t.UserId, t.User!.Name, t.User.Language, Rank = 1 }))
            .OrderBy(o => o.Rank)
            .Select(o => new AddressOwner(o.Id, o.Name, o.Language))
            .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>The account holding an address, with what a mail to it needs.</summary>
public sealed record AddressOwner(Guid UserId, string Name, string Language);
