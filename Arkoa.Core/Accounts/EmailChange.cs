using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Limits;
using Arkoa.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Accounts;

/// <summary>
/// An account moves to a new address only when the link mailed to that address is followed (24 hours); the former
/// address is then mailed an undo link valid 7 days, and keeps the address for the account meanwhile.
/// </summary>
public static class EmailChange
{
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan UndoLifetime = TimeSpan.FromDays(7);

    /// <summary>Requests an account may make in any hour: each mails someone, so an account cannot be used to spam.</summary>
    public static readonly SlidingLimit Requests = new(5, TimeSpan.FromHours(1));

    /// <summary>
    /// Makes <paramref name="newEmail"/> the user's pending address and mails it the confirmation link; when another
    /// account holds the address, its owner is mailed instead (nothing to confirm). The same rows are written either
    /// way, so neither the answer nor its timing tells whether the address is taken. Only the latest request's link
    /// works. Returns how long to wait instead when <see cref="Requests"/> is reached (nothing changed). Call it with
    /// the user's row locked (UserLock); adds to the unit of work, the caller saves.
    /// </summary>
    public static async Task<TimeSpan?> RequestAsync(
        ArkoaDbContext db, User user, string newEmail, DateTime now, CancellationToken cancellationToken)
    {
        var earlier = await db.UserTokens
            .Where(t => t.UserId == user.Id && t.Purpose == UserTokenPurpose.CONFIRM_EMAIL_CHANGE && t.CreatedAt > Requests.Since(now))
            .Select(t => t.CreatedAt).ToListAsync(cancellationToken);
        if (Requests.RetryAfter(earlier, now) is { } wait) return wait;

        await WithdrawAsync(db, user, now, cancellationToken);
        var owner = await AddressOwners.FindAsync(db, newEmail, now, cancellationToken);
        user.PendingEmail = newEmail;
        var token = AccountTokens.Issue(db, user.Id, UserTokenPurpose.CONFIRM_EMAIL_CHANGE, ConfirmLifetime, now, newEmail);
        db.OutboxMessages.Add(owner is null || owner.UserId == user.Id
            ? OutboxMessageFactory.Create(OutboxKinds.EmailChange, new EmailChangePayload(newEmail, user.Name, token, user.Language))
            : OutboxMessageFactory.Create(OutboxKinds.AddressInUse,
                new AddressInUsePayload(newEmail, owner.Name, AddressInUseAttempts.EmailChange, owner.Language)));
        return null;
    }

    /// <summary>Forgets a pending address: its link stops working (the token row stays, counted by <see cref="Requests"/>).</summary>
    public static async Task WithdrawAsync(ArkoaDbContext db, User user, DateTime now, CancellationToken cancellationToken)
    {
        user.PendingEmail = null;
        await db.UserTokens.Where(t => t.UserId == user.Id && t.Purpose == UserTokenPurpose.CONFIRM_EMAIL_CHANGE && t.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), cancellationToken);
    }

    /// <summary>
    /// Follows a claimed confirmation link: the account takes <paramref name="newEmail"/>, verified since the link
    /// came through it; links mailed to the former address stop working; a verified former address is mailed the
    /// undo link. False (nothing changed) when another account holds the address by now.
    /// </summary>
    public static async Task<bool> ConfirmAsync(ArkoaDbContext db, User user, string newEmail, DateTime now, CancellationToken cancellationToken)
    {
        var owner = await AddressOwners.FindAsync(db, newEmail, now, cancellationToken);
        if (owner is not null && owner.UserId != user.Id) return false;

        var former = user.Email;
        var formerVerified = user.EmailVerified;
        user.Email = newEmail;
        user.EmailVerified = true;
        user.PendingEmail = null;
        // Verification and reset links went to the former address. Undo links stay: each one gives back an address
        // this account had, and only the mailbox that received it can use it.
        await db.UserTokens.Where(t => t.UserId == user.Id && t.UsedAt == null && t.Purpose != UserTokenPurpose.UNDO_EMAIL_CHANGE)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), cancellationToken);
        // An address nobody proved gets no power over the account.
        if (formerVerified)
        {
            var undo = AccountTokens.Issue(db, user.Id, UserTokenPurpose.UNDO_EMAIL_CHANGE, UndoLifetime, now, former);
            db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.EmailChanged,
                new EmailChangedPayload(former, user.Name, newEmail, undo, now + UndoLifetime, user.Language,
                    await MailTimeZones.OfUserAsync(db, user.Id, cancellationToken))));
        }
        return true;
    }

    /// <summary>
    /// Follows a claimed undo link: the account takes <paramref name="formerEmail"/> back (verified: the link came
    /// through it), and every other link of the account stops working, undo links to other addresses included, so
    /// whoever moved the account cannot move it back. False when another account holds the address (it cannot while
    /// the link is valid, see AddressOwners). Ending the sessions and the password is the caller's part.
    /// </summary>
    public static async Task<bool> RestoreAsync(ArkoaDbContext db, User user, string formerEmail, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Email == formerEmail && u.Id != user.Id, cancellationToken)) return false;
        user.Email = formerEmail;
        user.EmailVerified = true;
        user.PendingEmail = null;
        await db.UserTokens.Where(t => t.UserId == user.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), cancellationToken);
        return true;
    }
}
