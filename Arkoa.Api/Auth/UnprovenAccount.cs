using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Auth;

/// <summary>
/// An account whose address was never proven, claimed by the address's real owner (through SCIM or their company's
/// single sign-on): whoever signed up with it first (pre-account takeover) loses it. Its password becomes one nobody
/// knows and its sessions and API tokens end; the caller saves, and broadcasts the revocation once it has.
/// </summary>
public static class UnprovenAccount
{
    public static async Task SecureAsync(ArkoaDbContext db, IPasswordHasher<User> hasher, User user, CancellationToken cancellationToken)
    {
        user.PasswordHash = hasher.HashPassword(user, SecureToken.Create());
        await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
